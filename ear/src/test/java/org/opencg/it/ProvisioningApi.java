package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

/**
 * An ACG Provisioning API client as the tests use it: paths below {@code /api} with the api-version added, any
 * extra headers as name/value pairs, and the assertion every error answer must pass (Azure's body and header).
 */
final class ProvisioningApi {

    static final String VERSION = "api-version=2024-02-29-preview";
    static final String BASE = TestServer.HTTP + "/api";

    private ProvisioningApi() {
    }

    /** {@code /api} + path with the api-version query parameter (after any query the path has). */
    static String url(String path) {
        return BASE + path + (path.contains("?") ? "&" : "?") + VERSION;
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    static HttpResponse<String> getUrl(String absolute, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(absolute)).GET(), headers);
    }

    static HttpResponse<String> put(String path, String body, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    static HttpResponse<String> patch(String path, String body, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    static HttpResponse<String> delete(String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE(), headers);
    }

    /**
     * Sends with an Admin token of a fresh client unless the headers give an Authorization of their own (an empty
     * value sends none).
     */
    static HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws Exception {
        boolean ownAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!ownAuthorization) {
            request.header("Authorization", "Bearer " + Tokens.roles(Tokens.ADMIN));
        }
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization") && headers[i + 1].isEmpty()) {
                continue;
            }
            request.header(headers[i], headers[i + 1]);
        }
        return TestServer.send(request);
    }

    /** The Azure error body and header a client parses, with the status and code expected. */
    static JsonObject assertAzureError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, response.headers().firstValue("x-ms-error-code").orElse(null), response.body());
        JsonObject error = TestServer.json(response.body()).getJsonObject("error");
        assertEquals(code, error.getString("code"));
        assertFalse(error.getString("message").isBlank());
        return error;
    }

    static JsonObject body(HttpResponse<String> response) {
        return TestServer.json(response.body());
    }

    /** The call records of a number, newest first. */
    static jakarta.json.JsonArray callRecords(String number) throws Exception {
        return body(get("/callRecords?number=" + number.replace("+", "%2B"))).getJsonArray("value");
    }

    /** The call record of a number, once written (records are written in batches). */
    static JsonObject callRecord(String number) throws Exception {
        return Eventually.value("a call record for " + number, () -> {
            var list = callRecords(number);
            return list.isEmpty() ? null : list.getJsonObject(0);
        });
    }
}
