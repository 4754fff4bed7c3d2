package org.opencg.web.api.security;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;
import org.opencg.core.audit.Actor;
import org.opencg.web.api.AzureError;

/**
 * Every API request passes here first, once JAX-RS has matched it to a resource method, in this order: the source
 * address must be allowlisted (403), a valid bearer token must be present (401 with {@code WWW-Authenticate:
 * Bearer}), its roles must be among those the matched method's {@link Allowed} names (403), the path must carry no
 * matrix parameters (400: nothing in the API takes them, and they let a path read as something it is not), and the
 * client must be within its rate (429 with {@code Retry-After}). Then the audit trail learns who is acting.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ApiGuard implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(ApiGuard.class.getName());
    /** The request property naming the calling client (for rate limits and repeatable requests). */
    public static final String CLIENT = "opencg.client";

    @Context
    HttpServletRequest http;

    @Context
    ResourceInfo matched;

    @Inject
    Actor actor;

    private volatile ApiSecuritySettings settings;
    private volatile TokenVerifier verifier;
    private volatile RateLimiter limiter;

    /** Settings are read at the first request, so a bad one is reported where it matters, not at deployment. */
    private void init() {
        if (verifier == null) {
            synchronized (this) {
                if (verifier == null) {
                    settings = ApiSecuritySettings.from(ConfigProvider.getConfig());
                    limiter = new RateLimiter(settings.ratePerMinute(), System::currentTimeMillis);
                    verifier = new TokenVerifier(settings);
                    LOG.info(() -> "Provisioning API: tokens of " + settings.issuer() + " for " + settings.audience()
                            + " checked with " + settings.keys() + ", at most " + settings.maxLifetimeMinutes()
                            + " minutes long; sources " + settings.allowlist() + "; " + settings.ratePerMinute()
                            + " requests/minute per client");
                }
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String address = http.getRemoteAddr();
        try {
            init();
        } catch (IllegalStateException e) {
            // The reason names settings and files: it is for the operator's log, not for whoever is calling.
            LOG.severe("Provisioning API refuses every request: " + e.getMessage());
            request.abortWith(AzureError.response(500, "AuthenticationNotConfigured",
                    "the API's authentication is not configured correctly; the server's log says why", null));
            return;
        }
        if (!settings.allowlist().allows(address)) {
            request.abortWith(AzureError.response(403, "SourceAddressNotAllowed",
                    "requests from " + address + " are not allowed (opencg.api.allowed-sources)", null));
            return;
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(unauthorized("a bearer token is required (Authorization: Bearer <token>)"));
            return;
        }
        TokenVerifier.Caller caller;
        try {
            caller = verifier.verify(authorization.substring(7).trim());
        } catch (TokenVerifier.Rejected e) {
            request.abortWith(unauthorized(e.getMessage()));
            return;
        }
        Set<String> allowed = ApiRoles.allowed(matched.getResourceMethod());
        if (caller.roles().stream().noneMatch(allowed::contains)) {
            request.abortWith(AzureError.response(403, "Forbidden", request.getMethod() + " "
                    + request.getUriInfo().getPath() + " needs one of the roles " + allowed + "; the token has "
                    + caller.roles(), null));
            return;
        }
        if (request.getUriInfo().getPathSegments().stream().anyMatch(s -> !s.getMatrixParameters().isEmpty())) {
            request.abortWith(AzureError.response(400, "InvalidRequestUri",
                    "matrix parameters (';name=value' in the path) are not accepted", null));
            return;
        }
        long retryAfter = limiter.acquire(caller.client());
        if (retryAfter > 0) {
            Response tooMany = AzureError.response(429, "TooManyRequests", "more than " + limiter.perMinute()
                    + " requests in a minute from client " + caller.client() + "; retry after " + retryAfter + " s",
                    null);
            request.abortWith(Response.fromResponse(tooMany).header("Retry-After", retryAfter).build());
            return;
        }
        request.setProperty(CLIENT, caller.client());
        actor.set(caller.subject(), Actor.API, address);
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(AzureError.response(401, "Unauthorized", message, null))
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
    }
}
