package org.opencg.web.api;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The Azure REST conventions every operation shares (acg-behaviour.md §1.2, §1.3): {@code api-version} is required
 * and must be one this API serves (400 otherwise, before anything runs), and {@code x-ms-client-request-id} is
 * echoed on every response.
 */
@Provider
@Priority(Priorities.USER)
public class AzureConventions implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String API_VERSION = "2024-02-29-preview";
    private static final Set<String> SERVED = Set.of(API_VERSION);
    private static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";

    @Override
    public void filter(ContainerRequestContext request) {
        String version = request.getUriInfo().getQueryParameters().getFirst("api-version");
        if (version == null || version.isBlank()) {
            request.abortWith(error("MissingApiVersionParameter",
                    "the api-version query parameter is required; this API serves " + API_VERSION));
        } else if (!SERVED.contains(version)) {
            request.abortWith(error("UnsupportedApiVersionValue",
                    "api-version '" + version + "' is not served; use " + API_VERSION));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(CLIENT_REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(CLIENT_REQUEST_ID, id);
        }
    }

    private static Response error(String code, String message) {
        return AzureError.response(400, code, message, "api-version");
    }
}
