package org.opencg.web.api;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Azure REST error body: {@code {"error":{"code","message","target","details"}}}, the shape every ACG
 * Provisioning API client parses (acg-behaviour.md §1.7).
 */
public record AzureError(Detail error) {

    public record Detail(String code, String message, String target, List<Detail> details) {
    }

    public static AzureError of(String code, String message, String target) {
        return new AzureError(new Detail(code, message, target, List.of()));
    }

    /** The whole error response: status, this body as JSON and the {@code x-ms-error-code} header. */
    public static Response response(int status, String code, String message, String target) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("x-ms-error-code", code)
                .entity(of(code, message, target)).build();
    }
}
