package org.opencg.core.sync;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.opencg.core.numbers.TeamsNumberConfig;

/**
 * {@link OperatorConnectClient} over HTTP and JSON, in the shape docs/operator-connect-api.md documents. A missing
 * or slow answer is retryable; a 4xx answer is the backend's verdict, passed on with its error code and message.
 */
public final class HttpOperatorConnectClient implements OperatorConnectClient {

    private static final Jsonb JSON = JsonbBuilder.create();

    private final URI base;
    private final Duration timeout;
    private final String token;
    private final HttpClient http;

    /** {@code base} like {@code http://127.0.0.1:8086/oc}; {@code token} is sent as a bearer token when not null. */
    public HttpOperatorConnectClient(String base, Duration timeout, String token) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
        this.timeout = timeout;
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public record ConsentPage(List<Consent> value) {
    }

    public record AddressPage(List<CivicAddress> value) {
    }

    public record PlanPage(List<CapabilityPlan> value) {
    }

    public record Relationship(String status, String comment) {
    }

    public record NumberUpload(String service, String assignmentStatus, String usage,
            List<String> choosableCapabilities, List<String> additionalUsages, String civicAddressId,
            String locationId, boolean allowTenantAddressUpdate, String displayedCountryCode) {
    }

    public record Available(List<String> availableCapabilities) {
    }

    public record Numbers(List<String> numbers) {
    }

    @Override
    public List<Consent> consents() throws OperatorConnectException {
        return orEmpty(JSON.fromJson(send("GET", "consents", null), ConsentPage.class).value());
    }

    @Override
    public void updateCustomerRelationship(String tenantId, String status, String comment)
            throws OperatorConnectException {
        send("PUT", "consents/" + path(tenantId) + "/customerRelationship", new Relationship(status, comment));
    }

    @Override
    public void checkTenant(String tenantId) throws OperatorConnectException {
        send("GET", "tenants/" + path(tenantId), null);
    }

    @Override
    public Capabilities uploadNumber(String tenantId, String telephoneNumber, String service,
            String assignmentStatus, TeamsNumberConfig c) throws OperatorConnectException {
        NumberUpload upload = c == null
                ? new NumberUpload(service, assignmentStatus, null, List.of(), List.of(), null, null, false, null)
                : new NumberUpload(service, assignmentStatus, c.usage(), c.choosableCapabilities(),
                        c.additionalUsages(), c.civicAddressId(), c.locationId(), c.allowTenantAddressUpdate(),
                        c.displayedCountryCode());
        String body = send("PUT", "tenants/" + path(tenantId) + "/numbers/" + path(telephoneNumber), upload);
        Capabilities answer = body.isBlank() ? null : JSON.fromJson(body, Capabilities.class);
        return answer == null ? new Capabilities(List.of(), List.of())
                : new Capabilities(orEmpty(answer.acquired()), orEmpty(answer.available()));
    }

    @Override
    public void releaseNumber(String tenantId, String telephoneNumber) throws OperatorConnectException {
        try {
            send("DELETE", "tenants/" + path(tenantId) + "/numbers/" + path(telephoneNumber), null);
        } catch (OperatorConnectException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    @Override
    public List<CivicAddress> civicAddresses(String tenantId) throws OperatorConnectException {
        return orEmpty(JSON.fromJson(send("GET", "tenants/" + path(tenantId) + "/civicAddresses", null),
                AddressPage.class).value());
    }

    @Override
    public List<CapabilityPlan> capabilityPlans(String tenantId) throws OperatorConnectException {
        return orEmpty(JSON.fromJson(send("GET", "tenants/" + path(tenantId) + "/capabilityPlans", null),
                PlanPage.class).value());
    }

    @Override
    public List<String> availableCapabilities(String tenantId, List<String> telephoneNumbers)
            throws OperatorConnectException {
        return orEmpty(JSON.fromJson(send("POST", "tenants/" + path(tenantId) + "/availableCapabilities",
                new Numbers(telephoneNumbers)), Available.class).availableCapabilities());
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : new ArrayList<>(values);
    }

    @Override
    public void uploadCallDuration(String tenantId, CallDuration duration) throws OperatorConnectException {
        try {
            send("PUT", "tenants/" + path(tenantId) + "/callDurations/" + path(duration.id()), duration);
        } catch (OperatorConnectException e) {
            if (e.status() != 409) {
                throw e;
            }
            // 409: Teams holds this call's duration already (an earlier attempt whose answer was lost).
        }
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One request; the answer's body on 2xx, else the exception its status deserves. */
    private String send(String method, String path, Object body) throws OperatorConnectException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.toJson(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OperatorConnectException(0, "OperatorConnectUnavailable", "no answer from the Operator Connect"
                    + " API at " + base + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorConnectException(0, "Interrupted", "interrupted", true);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        String code = "OperatorConnectError" + status;
        String message = "the Operator Connect API answered " + status;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) JSON.fromJson(response.body(), Map.class).get("error");
            if (error != null) {
                code = String.valueOf(error.getOrDefault("code", code));
                message = String.valueOf(error.getOrDefault("message", message));
            }
        } catch (RuntimeException notJson) {
            // keep the status-based code and message
        }
        throw new OperatorConnectException(status, code, message, OperatorConnectException.retryable(status));
    }
}
