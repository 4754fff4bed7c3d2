package org.opencg.web.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;
import org.opencg.core.requests.RepeatableRequests;
import org.opencg.core.requests.RepeatableRequests.Answer;
import org.opencg.web.api.security.ApiGuard;

/**
 * Azure's repeatable requests (acg-behaviour.md §1.3, OASIS Repeatable Requests 1.0): a change carrying
 * {@code Repeatability-Request-ID} is applied once; a repeat within the retention window
 * ({@code opencg.api.repeatability-window-seconds}, default 300) gets the first answer again, and both say
 * {@code Repeatability-Result: accepted}. A {@code Repeatability-First-Sent} older than the window is
 * {@code rejected} with 400, since the first attempt's answer may already be forgotten.
 */
@Provider
@Priority(Priorities.USER + 100)
public class Repeatability implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Set<String> CHANGES = Set.of("PUT", "PATCH", "POST", "DELETE");
    private static final String REQUEST_ID = "Repeatability-Request-ID";
    private static final String FIRST_SENT = "Repeatability-First-Sent";
    private static final String RESULT = "Repeatability-Result";
    private static final String KEEP = "opencg.repeatability";
    private static final Jsonb JSON = JsonbResolver.JSONB;

    @EJB(lookup = RepeatableRequests.JNDI)
    RepeatableRequests store;

    private record Pending(String client, String id, String method, String path, Instant keepUntil) {
    }

    private static Duration window() {
        return Duration.ofSeconds(ConfigProvider.getConfig()
                .getOptionalValue("opencg.api.repeatability-window-seconds", Long.class).orElse(300L));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String id = request.getHeaderString(REQUEST_ID);
        if (id == null || !CHANGES.contains(request.getMethod())) {
            return;
        }
        if (id.isBlank() || id.length() > 200) {
            request.abortWith(rejected("InvalidHeaderValue", REQUEST_ID + " is 1 to 200 characters", REQUEST_ID));
            return;
        }
        Instant now = Instant.now();
        Instant firstSent = now;
        String sent = request.getHeaderString(FIRST_SENT);
        if (sent != null) {
            try {
                firstSent = ZonedDateTime.parse(sent, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                request.abortWith(rejected("InvalidHeaderValue", FIRST_SENT
                        + " is an HTTP date such as 'Tue, 02 Apr 2024 10:00:00 GMT'", FIRST_SENT));
                return;
            }
        }
        Duration window = window();
        if (firstSent.isBefore(now.minus(window)) || firstSent.isAfter(now.plusSeconds(60))) {
            request.abortWith(rejected("RepeatabilityWindowExceeded", FIRST_SENT + " " + sent + " is outside the "
                    + window.toSeconds() + " s this server keeps answers for; send it as a new request", FIRST_SENT));
            return;
        }
        String client = String.valueOf(request.getProperty(ApiGuard.CLIENT));
        String path = request.getUriInfo().getRequestUri().getRawPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery();
        Optional<Answer> kept = store.find(client, id, request.getMethod(), path);
        if (kept.isPresent()) {
            Answer answer = kept.get();
            Response.ResponseBuilder again = Response.status(answer.status()).header(RESULT, "accepted");
            if (answer.etag() != null) {
                again.header("ETag", answer.etag());
            }
            if (answer.body() != null) {
                again.entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE);
            }
            request.abortWith(again.build());
            return;
        }
        request.setProperty(KEEP, new Pending(client, id, request.getMethod(), path, firstSent.plus(window)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(KEEP) instanceof Pending pending)) {
            return;
        }
        response.getHeaders().putSingle(RESULT, "accepted");
        if (response.getStatus() / 100 == 2) {
            String etag = response.getHeaderString("ETag");
            String body = response.hasEntity() ? JSON.toJson(response.getEntity()) : null;
            store.keep(pending.client(), pending.id(), pending.method(), pending.path(),
                    new Answer(response.getStatus(), etag, body), pending.keepUntil());
        }
    }

    private static Response rejected(String code, String message, String target) {
        return Response.fromResponse(AzureError.response(400, code, message, target)).header(RESULT, "rejected")
                .build();
    }
}
