package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencg.it.ProvisioningApi.assertAzureError;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Provisioning API's account operations as an ACG client sees them on the wire (acg-behaviour.md §1.3-§1.7):
 * api-version, create/replace with ETag and preconditions, paging with an absolute nextLink, delete, and every
 * refusal as Azure's error body with {@code x-ms-error-code}.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsApiIT {

    private static final String VERSION = "api-version=2024-02-29-preview";
    private static final String ACCOUNTS = TestServer.HTTP + "/api/accounts";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String account(String name) {
        return ACCOUNTS + "/" + name + "?" + VERSION;
    }

    private static HttpResponse<String> put(String url, String body, String... headers) throws Exception {
        return ProvisioningApi.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    private static HttpResponse<String> delete(String url, String... headers) throws Exception {
        return ProvisioningApi.send(HttpRequest.newBuilder(URI.create(url)).DELETE(), headers);
    }

    private static final String DIRECT_ROUTING = """
            {"name":"%s","correlationId":"crm-42","serviceDetails":{
              "teamsTenantId":"8c2a7b6e-2f59-4b8e-9d6c-5a1f0e3b7c21",
              "teamsOperatorConnect":{"syncEnabled":false,"enabled":true},
              "teamsDirectRouting":{"syncEnabled":false,"enabled":true,"configuration":{"callScreening":true,
                "subdomain":"contoso","subdomainTokens":{"region1Token":"tok1=","region2Token":"tok2_"}}}}}
            """;


    @Test
    void apiVersionIsRequiredAndMustBeServed() throws Exception {
        assertAzureError(ProvisioningApi.getUrl(ACCOUNTS), 400, "MissingApiVersionParameter");
        assertAzureError(ProvisioningApi.getUrl(ACCOUNTS + "?api-version=2099-01-01"), 400, "UnsupportedApiVersionValue");
        assertEquals(200, ProvisioningApi.getUrl(ACCOUNTS + "?" + VERSION).statusCode());
    }

    @Test
    void anAccountIsCreatedReadReplacedAndDeletedWithItsEtag() throws Exception {
        String name = "contoso-" + System.nanoTime();
        HttpResponse<String> created = put(account(name), DIRECT_ROUTING.formatted(name),
                "x-ms-client-request-id", "2b1f4c3e-0000-4000-8000-000000000001");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("2b1f4c3e-0000-4000-8000-000000000001",
                created.headers().firstValue("x-ms-client-request-id").orElse(null));
        String etag = created.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> read = ProvisioningApi.getUrl(account(name));
        assertEquals(200, read.statusCode());
        assertEquals(etag, read.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> unchanged = ProvisioningApi.getUrl(account(name), "If-None-Match", etag);
        assertEquals(304, unchanged.statusCode(), "a conditional GET of an unchanged account");
        assertTrue(unchanged.body().isEmpty());
        assertAzureError(ProvisioningApi.getUrl(account(name), "If-Match", "\"999999\""), 412, "PreconditionFailed");
        JsonObject body = TestServer.json(read.body());
        assertEquals(name, body.getString("name"));
        assertEquals("crm-42", body.getString("correlationId"));
        JsonObject dr = body.getJsonObject("serviceDetails").getJsonObject("teamsDirectRouting");
        assertTrue(dr.getBoolean("enabled"));
        assertEquals("contoso", dr.getJsonObject("configuration").getString("subdomain"));
        assertEquals("tok2_", dr.getJsonObject("configuration").getJsonObject("subdomainTokens").getString("region2Token"));
        assertEquals("synced", body.getString("serviceProvisioningStatus"));

        // A stale ETag is refused and changes nothing; the current one replaces the account (200, new ETag).
        String zoomOnly = "{\"serviceDetails\":{\"zoomPhoneCloudPeering\":{\"syncEnabled\":false,\"enabled\":true}}}";
        assertAzureError(put(account(name), zoomOnly, "If-Match", "\"999999\""), 412, "PreconditionFailed");
        assertAzureError(put(account(name), zoomOnly, "If-None-Match", "*"), 412, "PreconditionFailed");
        HttpResponse<String> replaced = put(account(name), zoomOnly, "If-Match", etag);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertNotEquals(etag, replaced.headers().firstValue("ETag").orElseThrow());
        JsonObject services = TestServer.json(ProvisioningApi.getUrl(account(name)).body()).getJsonObject("serviceDetails");
        assertFalse(services.containsKey("teamsDirectRouting"), "PUT replaces the whole account: " + services);
        assertTrue(services.getJsonObject("zoomPhoneCloudPeering").getBoolean("enabled"));

        assertEquals(204, delete(account(name)).statusCode());
        assertAzureError(ProvisioningApi.getUrl(account(name)), 404, "NotFound");
        assertAzureError(delete(account(name)), 404, "NotFound");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String name = "bad-" + System.nanoTime();
        JsonObject error = assertAzureError(put(account(name), """
                {"serviceDetails":{"teamsTenantId":"not-a-guid"}}"""), 400, "InvalidTeamsTenantId");
        assertEquals("serviceDetails.teamsTenantId", error.getString("target"));
        error = assertAzureError(put(account(name), """
                {"serviceDetails":{"teamsOperatorConnect":{"enabled":true}}}"""), 400, "MissingRequiredProperty");
        assertEquals("serviceDetails.teamsOperatorConnect.syncEnabled", error.getString("target"));
        assertAzureError(put(account(name), """
                {"serviceDetails":{"teamsDirectRouting":{"enabled":true,"syncEnabled":false}}}"""),
                400, "InvalidSubdomain");
        assertAzureError(put(account(name), "{\"name\":\"other\"}"), 400, "InvalidRequestContent");
        assertAzureError(put(account("bad%20name"), "{}"), 400, "InvalidAccountName");
        assertAzureError(put(account(name), "{not json"), 400, "InvalidRequestContent");
        assertAzureError(ProvisioningApi.getUrl(account(name)), 404, "NotFound");
    }

    @Test
    void listsArePagedWithAnAbsoluteNextLinkAndCountedOnRequest() throws Exception {
        String prefix = "page-" + System.nanoTime() + "-";
        for (int i = 0; i < 3; i++) {
            assertEquals(201, put(account(prefix + i), "{}").statusCode());
        }
        HttpResponse<String> first = ProvisioningApi.getUrl(ACCOUNTS + "?" + VERSION + "&maxpagesize=2&countRecords=true");
        assertEquals(200, first.statusCode(), first.body());
        long total = Long.parseLong(first.headers().firstValue("x-ms-record-count").orElseThrow());
        assertTrue(total >= 3, "x-ms-record-count " + total);
        JsonObject page = TestServer.json(first.body());
        assertEquals(2, page.getJsonArray("value").size());
        String next = page.getString("nextLink");
        assertTrue(next.startsWith(TestServer.HTTP + "/api/accounts?") && next.contains("skip=2"), next);

        int seen = 2;
        while (next != null) {
            JsonObject more = TestServer.json(ProvisioningApi.getUrl(next).body());
            seen += more.getJsonArray("value").size();
            next = more.containsKey("nextLink") ? more.getString("nextLink") : null;
        }
        assertEquals(total, seen, "following nextLink visits every account once");
        assertAzureError(ProvisioningApi.getUrl(ACCOUNTS + "?" + VERSION + "&maxpagesize=501"), 400,
                "InvalidQueryParameterValue");
        for (int i = 0; i < 3; i++) {
            assertEquals(204, delete(account(prefix + i)).statusCode());
        }
    }

    @Test
    void aRepeatedRequestIsAppliedOnceAndAStaleOneRejected() throws Exception {
        String name = "repeat-" + System.nanoTime();
        String id = java.util.UUID.randomUUID().toString();
        String firstSent = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        // Request ids are the client's: one client (one token) sends both attempts.
        String client = "Bearer " + Tokens.roles(Tokens.ADMIN);
        HttpResponse<String> first = put(account(name), "{\"correlationId\":\"first\"}", "Authorization", client,
                "Repeatability-Request-ID", id, "Repeatability-First-Sent", firstSent);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals("accepted", first.headers().firstValue("Repeatability-Result").orElse(null));
        assertEquals(200, put(account(name), "{\"correlationId\":\"changed\"}").statusCode());

        // The client never saw the first answer and retries: it gets that answer, and nothing is applied again.
        HttpResponse<String> retry = put(account(name), "{\"correlationId\":\"first\"}", "Authorization", client,
                "Repeatability-Request-ID", id, "Repeatability-First-Sent", firstSent);
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals("accepted", retry.headers().firstValue("Repeatability-Result").orElse(null));
        assertEquals(first.headers().firstValue("ETag"), retry.headers().firstValue("ETag"));
        assertEquals("first", TestServer.json(retry.body()).getString("correlationId"));
        assertEquals("changed", TestServer.json(ProvisioningApi.getUrl(account(name)).body()).getString("correlationId"));

        HttpResponse<String> stale = put(account(name), "{}", "Repeatability-Request-ID",
                java.util.UUID.randomUUID().toString(), "Repeatability-First-Sent", "Tue, 02 Apr 2024 10:00:00 GMT");
        assertAzureError(stale, 400, "RepeatabilityWindowExceeded");
        assertEquals("rejected", stale.headers().firstValue("Repeatability-Result").orElse(null));
        assertAzureError(put(account(name), "{}", "Repeatability-Request-ID", "x", "Repeatability-First-Sent",
                "yesterday"), 400, "InvalidHeaderValue");
        assertEquals("changed", TestServer.json(ProvisioningApi.getUrl(account(name)).body()).getString("correlationId"));
        assertEquals(204, delete(account(name)).statusCode());
    }

    @Test
    void theOpenApiDocumentIsGeneratedFromTheSameCode() throws Exception {
        HttpResponse<String> document = TestServer.get(TestServer.HTTP + "/openapi?format=JSON");
        assertEquals(200, document.statusCode(), document.body());
        JsonObject openApi = TestServer.json(document.body());
        JsonObject paths = openApi.getJsonObject("paths");
        // The 18 operations of acg-behaviour.md §1.4, at ACG's paths below /api.
        java.util.Map<String, java.util.List<String>> operations = java.util.Map.ofEntries(
                java.util.Map.entry("/api/accounts", java.util.List.of("get")),
                java.util.Map.entry("/api/accounts/{accountName}", java.util.List.of("get", "put", "delete")),
                java.util.Map.entry("/api/accounts/{accountName}:createOrUpdateNumbers", java.util.List.of("post")),
                java.util.Map.entry("/api/accounts/{accountName}:deleteNumbers", java.util.List.of("post")),
                java.util.Map.entry("/api/accounts/{accountName}/numbers", java.util.List.of("get")),
                java.util.Map.entry("/api/accounts/{accountName}/numbers/{telephoneNumber}",
                        java.util.List.of("get", "put", "delete")),
                java.util.Map.entry("/api/accounts/{accountName}:getTeamsCapabilityPlans", java.util.List.of("post")),
                java.util.Map.entry("/api/accounts/{accountName}:getTeamsAvailableCapabilities",
                        java.util.List.of("post")),
                java.util.Map.entry("/api/accounts/{accountName}/teamsCivicAddresses", java.util.List.of("get")),
                java.util.Map.entry("/api/accounts/{accountName}/teamsCivicAddresses/{civicAddressId}",
                        java.util.List.of("get")),
                java.util.Map.entry("/api/numbers", java.util.List.of("get")),
                java.util.Map.entry("/api/teamsRequestsForInformation", java.util.List.of("get")),
                java.util.Map.entry("/api/teamsRequestsForInformation/{tenantId}", java.util.List.of("get", "patch")));
        int count = 0;
        for (var entry : operations.entrySet()) {
            JsonObject path = paths.getJsonObject(entry.getKey());
            assertTrue(path != null, entry.getKey() + " missing from " + paths.keySet());
            for (String method : entry.getValue()) {
                JsonObject operation = path.getJsonObject(method);
                assertTrue(operation != null, method + " " + entry.getKey());
                assertTrue(operation.getJsonArray("parameters").stream().anyMatch(p -> p.asJsonObject()
                        .getString("name").equals("api-version")), "api-version on " + method + " " + entry.getKey());
                count++;
            }
        }
        assertEquals(18, count);
        assertEquals("bearer", openApi.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer").getString("scheme"));
        JsonObject number = openApi.getJsonObject("components").getJsonObject("schemas").getJsonObject("NumberJson");
        assertTrue(number.getJsonObject("properties").containsKey("serviceProvisioningStatus"), number.toString());
    }
}
