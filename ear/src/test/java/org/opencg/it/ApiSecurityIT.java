package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencg.it.ProvisioningApi.assertAzureError;
import static org.opencg.it.ProvisioningApi.body;
import static org.opencg.it.ProvisioningApi.delete;
import static org.opencg.it.ProvisioningApi.get;
import static org.opencg.it.ProvisioningApi.post;
import static org.opencg.it.ProvisioningApi.put;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Provisioning API's security as a client meets it (acg-behaviour.md §1.1, checklist items 11-12): bearer
 * tokens with app roles, the source-address allowlist (the test server allows 127.0.0.1 only), the rate limit per
 * client (100 a minute, a batch counting once), and the audit trail naming who changed what.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiSecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String bearer(String... roles) throws Exception {
        return "Bearer " + Tokens.roles(roles);
    }

    @Test
    void withoutAValidTokenNothingIsAnswered() throws Exception {
        HttpResponse<String> none = get("/accounts", "Authorization", "");
        assertAzureError(none, 401, "Unauthorized");
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertAzureError(get("/accounts", "Authorization", "Bearer not.a.token"), 401, "Unauthorized");
        String otherIssuer = Tokens.sign("someone-else", "c", 3600, List.of(Tokens.ADMIN));
        assertAzureError(get("/accounts", "Authorization", "Bearer " + otherIssuer), 401, "Unauthorized");
        String expired = Tokens.sign("opencg-local", "c", -600, List.of(Tokens.ADMIN));
        JsonObject error = assertAzureError(get("/accounts", "Authorization", "Bearer " + expired), 401,
                "Unauthorized");
        assertTrue(error.getString("message").contains("expired"), error.toString());
        // A token of the right issuer and key, meant for another application (or for none).
        for (String audience : new String[] {"api://someone-elses-app", null}) {
            String foreign = Tokens.sign("opencg-local", audience, "c", 3600, List.of(Tokens.ADMIN));
            assertAzureError(get("/accounts", "Authorization", "Bearer " + foreign), 401, "Unauthorized");
        }
        // A token valid for ten years is no credential to keep: longer than the API's 24 hours is refused.
        String tenYears = Tokens.sign("opencg-local", "c", 10L * 365 * 24 * 3600, List.of(Tokens.ADMIN));
        assertAzureError(get("/accounts", "Authorization", "Bearer " + tenYears), 401, "Unauthorized");
        assertEquals(200, get("/accounts", "Authorization", "Bearer "
                + Tokens.sign("opencg-local", "c", 23 * 3600, List.of(Tokens.READ))).statusCode(),
                "a token of 23 hours is taken");
        // A token signed by another key: header and claims are right, the signature is not.
        String[] token = Tokens.roles(Tokens.ADMIN).split("\\.");
        String[] other = Tokens.roles(Tokens.READ).split("\\.");
        assertAzureError(get("/accounts", "Authorization", "Bearer " + token[0] + "." + token[1] + "." + other[2]),
                401, "Unauthorized");
    }

    @Test
    void eachRoleAllowsItsOperationsOnly() throws Exception {
        String name = "roles-" + System.nanoTime();
        String read = bearer(Tokens.READ);
        String write = bearer(Tokens.WRITE);
        String remove = bearer(Tokens.DELETE);

        assertAzureError(put("/accounts/" + name, "{}", "Authorization", read), 403, "Forbidden");
        assertAzureError(put("/accounts/" + name, "{}", "Authorization", remove), 403, "Forbidden");
        assertEquals(201, put("/accounts/" + name, "{}", "Authorization", write).statusCode());
        assertEquals(200, get("/accounts/" + name, "Authorization", read).statusCode());
        assertAzureError(get("/accounts/" + name, "Authorization", write), 403, "Forbidden");
        assertAzureError(delete("/accounts/" + name, "Authorization", read), 403, "Forbidden");
        assertAzureError(delete("/accounts/" + name, "Authorization", write), 403, "Forbidden");
        assertAzureError(get("/accounts/" + name, "Authorization", bearer()), 403, "Forbidden");
        assertEquals(200, get("/accounts/" + name, "Authorization", read).statusCode(), "nothing was deleted");
        assertEquals(204, delete("/accounts/" + name, "Authorization", remove).statusCode());
    }

    @Test
    void aReadTokenCannotWriteThroughAPathDressedAsALookUp() throws Exception {
        String name = "dressed-" + System.nanoTime();
        assertEquals(201, put("/accounts/" + name,
                "{\"serviceDetails\":{\"zoomPhoneCloudPeering\":{\"syncEnabled\":false,\"enabled\":true}}}")
                .statusCode());
        String number = "+3532" + String.format("%08d", System.nanoTime() % 100_000_000);
        String batch = "{\"numbers\":[{\"telephoneNumber\":\"" + number
                + "\",\"serviceDetails\":{\"zoomPhoneCloudPeering\":{\"enabled\":true}}}]}";
        String read = bearer(Tokens.READ);
        // The action's name ends in a matrix parameter that makes the raw path look like a :getTeams look-up.
        for (String path : List.of(":createOrUpdateNumbers;x=:getTeams",
                ":createOrUpdateNumbers;x=:getTeamsCapabilityPlans",
                ":createOrUpdateNumbers")) {
            assertAzureError(post("/accounts/" + name + path, batch, "Authorization", read), 403, "Forbidden");
        }
        // Even an Admin's path with matrix parameters is refused: nothing in the API takes them.
        assertAzureError(post("/accounts/" + name + ":createOrUpdateNumbers;x=:getTeams", batch), 400,
                "InvalidRequestUri");
        assertEquals(404, get("/accounts/" + name + "/numbers/" + number).statusCode(), "no number was created");
        // Now one is, and a Read token's dressed-up delete leaves it where it is.
        assertEquals(200, post("/accounts/" + name + ":createOrUpdateNumbers", batch).statusCode());
        String identifiers = "{\"numbers\":[{\"telephoneNumber\":\"" + number + "\"}]}";
        for (String path : List.of(":deleteNumbers;x=:getTeams", ":deleteNumbers")) {
            assertAzureError(post("/accounts/" + name + path, identifiers, "Authorization", read), 403, "Forbidden");
        }
        assertEquals(200, get("/accounts/" + name + "/numbers/" + number).statusCode(), "the number is still there");
        assertEquals(204, delete("/accounts/" + name + "?deleteNumbers=true").statusCode());
    }

    @Test
    void aClientIsThrottledAfter100RequestsAMinuteAndABatchCountsOnce() throws Exception {
        String client = "Bearer " + Tokens.sign("opencg-local", "throttled-" + UUID.randomUUID(), 3600,
                List.of(Tokens.ADMIN));
        String name = "rate-" + System.nanoTime();
        assertEquals(201, put("/accounts/" + name,
                "{\"serviceDetails\":{\"zoomPhoneCloudPeering\":{\"syncEnabled\":false,\"enabled\":true}}}",
                "Authorization", client).statusCode());
        StringBuilder batch = new StringBuilder("{\"numbers\":[");
        for (int i = 0; i < 100; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"telephoneNumber\":\"+3531")
                    .append(String.format("%08d", System.nanoTime() % 100_000_000 + i))
                    .append("\",\"serviceDetails\":{\"zoomPhoneCloudPeering\":{\"enabled\":true}}}");
        }
        batch.append("]}");
        // 1 PUT + 1 batch of 100 numbers + 98 GETs = 100 requests: all allowed.
        assertEquals(200, post("/accounts/" + name + ":createOrUpdateNumbers", batch.toString(), "Authorization",
                client).statusCode());
        for (int i = 0; i < 98; i++) {
            HttpResponse<String> read = get("/accounts/" + name, "Authorization", client);
            assertEquals(200, read.statusCode(), "request " + (i + 3) + ": " + read.body());
        }
        HttpResponse<String> throttled = get("/accounts/" + name, "Authorization", client);
        assertAzureError(throttled, 429, "TooManyRequests");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(200, get("/accounts/" + name).statusCode(), "another client is not throttled");
        assertEquals(204, delete("/accounts/" + name + "?deleteNumbers=true").statusCode());
    }

    @Test
    void aSourceOutsideTheAllowlistIsRefused() throws Exception {
        // The test server allows 127.0.0.1/32 only; 127.0.0.2 is loopback too, but not on the list.
        String url = ProvisioningApi.url("/accounts");
        java.net.URI uri = java.net.URI.create(url);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nAuthorization: Bearer " + Tokens.roles(Tokens.ADMIN) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            assertTrue(answer.contains("SourceAddressNotAllowed"), answer);
        }
    }

    @Test
    void theAuditTrailSaysWhoChangedWhatFromWhere() throws Exception {
        String name = "audited-" + System.nanoTime();
        assertEquals(201, put("/accounts/" + name, "{\"correlationId\":\"before\"}").statusCode());
        assertEquals(200, put("/accounts/" + name, "{\"correlationId\":\"after\"}").statusCode());
        assertEquals(204, delete("/accounts/" + name).statusCode());
        // The audit trail is read through its own API resource, Admin only.
        HttpResponse<String> trail = get("/audit?resourceType=account&resourceKey=" + name);
        assertEquals(200, trail.statusCode(), trail.body());
        List<JsonObject> entries = body(trail).getJsonArray("value").getValuesAs(JsonObject.class);
        assertEquals(List.of("delete", "update", "create"), entries.stream().map(e -> e.getString("action")).toList());
        JsonObject update = entries.get(1);
        assertEquals("integration-test", update.getString("actor"));
        assertEquals("api", update.getString("source"));
        assertEquals("127.0.0.1", update.getString("address"));
        assertTrue(update.getString("before").contains("\"before\""), update.toString());
        assertTrue(update.getString("after").contains("\"after\""), update.toString());
        assertAzureError(get("/audit", "Authorization", bearer(Tokens.READ)), 403, "Forbidden");
    }
}
