package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencg.it.ProvisioningApi.assertAzureError;
import static org.opencg.it.ProvisioningApi.body;
import static org.opencg.it.ProvisioningApi.delete;
import static org.opencg.it.ProvisioningApi.get;
import static org.opencg.it.ProvisioningApi.patch;
import static org.opencg.it.ProvisioningApi.post;
import static org.opencg.it.ProvisioningApi.put;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow-through sync against the Operator Connect emulator (acg-behaviour.md §1.5, §5, checklist items 15-16):
 * consents pulled and their relationship pushed back, Operator Connect numbers uploaded and released, refusals
 * reported in serviceProvisioningErrors, the live Teams look-ups, and an outage (down, 5xx, slow) losing nothing.
 * The test server reads the outbox every 200 ms and backs off at most 2 s.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static TeamsBackend teams;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @BeforeAll
    static void startEmulator() throws Exception {
        teams = TeamsBackend.start(Integer.parseInt(System.getProperty("it.oc.port", "18086")));
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        teams.close();
    }

    @BeforeEach
    void healthy() throws Exception {
        teams.fault("none", 0, 0);
    }

    private static void eventually(String what, Callable<Boolean> condition) throws Exception {
        Eventually.until(what, PATIENCE, condition);
    }

    private static String consentedTenant() throws Exception {
        String tenant = UUID.randomUUID().toString();
        teams.addConsent(Json.createObjectBuilder().add("tenantId", tenant).add("operatorId", "op-1")
                .add("status", "active").add("consentedOn", "2026-03-01T10:00:00Z")
                .add("lastModifiedOn", "2026-03-02T11:00:00Z")
                .add("consentedCountries", Json.createArrayBuilder().add("GB"))
                .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fullName", "Megan Bowen")
                        .add("email", "megan@fabrikam.example"))).build());
        return tenant;
    }

    private static String syncedAccount(String tenant) throws Exception {
        String name = "sync-" + System.nanoTime();
        HttpResponse<String> created = put("/accounts/" + name, """
                {"serviceDetails":{"teamsTenantId":"%s","teamsOperatorConnect":{"syncEnabled":true,"enabled":true}}}"""
                .formatted(tenant));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("pending", body(created).getString("serviceProvisioningStatus"));
        return name;
    }

    private static String status(String path) throws Exception {
        return body(get(path)).getString("serviceProvisioningStatus");
    }

    private static String ocNumber(String number) {
        return """
                {"telephoneNumber":"%s","serviceDetails":{"teamsOperatorConnect":{"enabled":true,
                  "assignmentStatus":"assigned","configuration":{"usage":"CallingUserAssignment",
                  "choosableCapabilities":["InboundCalling","OutboundCalling"]}}}}""".formatted(number);
    }

    private static String numbers(String prefix, int count) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(ocNumber(prefix + String.format("%03d", i)));
        }
        return "{\"numbers\":[" + String.join(",", items) + "]}";
    }

    private static String prefix() {
        return "+44161" + (System.nanoTime() % 1_000_000);
    }

    @Test
    void consentsArePulledAndTheirRelationshipIsPushedBack() throws Exception {
        String tenant = consentedTenant();
        eventually("the consent is pulled", () -> get("/teamsRequestsForInformation/" + tenant).statusCode() == 200);
        JsonObject consent = body(get("/teamsRequestsForInformation/" + tenant));
        assertEquals("teams", consent.getString("productContext"));
        assertEquals("active", consent.getString("status"));
        assertEquals("Megan Bowen", consent.getJsonArray("contacts").getJsonObject(0).getString("fullName"));
        assertEquals(List.of("GB"), consent.getJsonArray("consentedCountries").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(body(get("/teamsRequestsForInformation?filter=status%20eq%20'active'&maxpagesize=500"))
                .getJsonArray("value").stream().anyMatch(v -> v.asJsonObject().getString("tenantId").equals(tenant)));

        String account = syncedAccount(tenant);
        assertEquals(account, body(get("/teamsRequestsForInformation/" + tenant)).getString("accountName"));

        JsonObject error = assertAzureError(patch("/teamsRequestsForInformation/" + tenant,
                "{\"status\":\"removed\"}"), 400, "ReadOnlyProperty");
        assertEquals("status", error.getString("target"));
        assertAzureError(patch("/teamsRequestsForInformation/" + tenant,
                "{\"customerRelationship\":{\"status\":\"Consent Declined\"}}"), 400, "ReasonRequired");
        assertAzureError(patch("/teamsRequestsForInformation/" + UUID.randomUUID(),
                "{\"customerRelationship\":{\"status\":\"ConsentAcknowledged\"}}"), 404, "NotFound");
        assertAzureError(get("/teamsRequestsForInformation/not-a-guid"), 400, "InvalidTenantId");

        HttpResponse<String> patched = patch("/teamsRequestsForInformation/" + tenant,
                "{\"customerRelationship\":{\"status\":\"ConsentAcknowledged\",\"comment\":\"Acknowledged\"}}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("ConsentAcknowledged", body(patched).getJsonObject("customerRelationship").getString("status"));
        assertEquals("active", body(patched).getString("status"), "only the relationship changed");
        eventually("the relationship reaches Teams", () -> teams.consent(tenant).containsKey("customerRelationship")
                && "ConsentAcknowledged".equals(teams.consent(tenant).getJsonObject("customerRelationship")
                        .getString("status")));
        eventually("the consent is synced", () -> "synced".equals(status("/teamsRequestsForInformation/" + tenant)));
    }

    @Test
    void operatorConnectNumbersAreUploadedAndReleasedAndRefusalsReported() throws Exception {
        String tenant = consentedTenant();
        String account = syncedAccount(tenant);
        eventually("the account is synced", () -> "synced".equals(status("/accounts/" + account)));

        String prefix = prefix();
        String refused = prefix + "002";
        teams.refuse(refused, "NumberNotInOperatorRange", "the number is outside the ranges given to this operator");
        HttpResponse<String> batch = post("/accounts/" + account + ":createOrUpdateNumbers", numbers(prefix, 3));
        assertEquals(200, batch.statusCode(), batch.body());
        assertEquals("pending", body(batch).getJsonArray("numbers").getJsonObject(0)
                .getString("serviceProvisioningStatus"));

        String first = "/accounts/" + account + "/numbers/" + prefix + "000";
        eventually("the numbers are synced", () -> "synced".equals(status(first))
                && "synced".equals(status("/accounts/" + account + "/numbers/" + prefix + "001")));
        JsonObject upload = teams.numbers().get(tenant + "/" + prefix + "000");
        assertEquals("CallingUserAssignment", upload.getString("usage"));
        assertEquals("OperatorConnect", upload.getString("service"));
        JsonObject config = body(get(first)).getJsonObject("serviceDetails").getJsonObject("teamsOperatorConnect")
                .getJsonObject("configuration");
        assertTrue(config.getJsonArray("availableCapabilities").toString().contains("UserAssignment"),
                "Teams' answer is shown: " + config);

        String refusedPath = "/accounts/" + account + "/numbers/" + refused;
        eventually("the refused number is failed", () -> "failed".equals(status(refusedPath)));
        JsonObject failure = body(get(refusedPath)).getJsonArray("serviceProvisioningErrors").getJsonObject(0);
        assertEquals("NumberNotInOperatorRange", failure.getString("code"));

        assertEquals(204, delete(first).statusCode());
        eventually("the deleted number is released in Teams", () -> !teams.numbers().containsKey(tenant + "/" + prefix
                + "000"));
        assertTrue(teams.numbers().containsKey(tenant + "/" + prefix + "001"));

        // An account whose tenant never consented fails with Teams' reason.
        String stranger = syncedAccount(UUID.randomUUID().toString());
        eventually("the unconsented account fails", () -> "failed".equals(status("/accounts/" + stranger)));
        assertEquals("TenantNotConsented", body(get("/accounts/" + stranger)).getJsonArray("serviceProvisioningErrors")
                .getJsonObject(0).getString("code"));
    }

    /** How many numbers with this prefix have this serviceProvisioningStatus. */
    private static long count(String prefix, String status) throws Exception {
        HttpResponse<String> found = get("/numbers?countRecords=true&maxpagesize=1&filter=" + java.net.URLEncoder.encode(
                "startswith(telephoneNumber,'" + prefix + "') and serviceProvisioningStatus eq '" + status + "'",
                java.nio.charset.StandardCharsets.UTF_8));
        return Long.parseLong(found.headers().firstValue("x-ms-record-count").orElseThrow());
    }

    @Test
    void anOutageOfTheOperatorConnectApiLosesNothing() throws Exception {
        String tenant = consentedTenant();
        String account = syncedAccount(tenant);
        eventually("the account is synced", () -> "synced".equals(status("/accounts/" + account)));
        String prefix = prefix();

        teams.fault("down", 0, 0);
        assertEquals(200, post("/accounts/" + account + ":createOrUpdateNumbers", numbers(prefix, 20)).statusCode());
        Thread.sleep(2000);
        teams.fault("error", 503, 0);
        Thread.sleep(2000);
        assertTrue(teams.numbers().keySet().stream().noneMatch(k -> k.contains(prefix)), "nothing got through");
        // Slower than the server's 1 s timeout toward it: Teams may take a number, but the answer never arrives.
        teams.fault("slow", 0, 1500);
        Thread.sleep(2000);
        assertEquals(20, count(prefix, "pending"), "every number still pending");
        double backlog = Metrics.value("opencg_sync_outbox_tasks", "");
        assertTrue(backlog >= 20, "the backlog shows on /metrics: " + backlog);

        teams.fault("none", 0, 0);
        eventually("every number reaches Teams", () -> teams.numbers().keySet().stream()
                .filter(k -> k.contains(prefix)).count() == 20);
        eventually("every number is synced", () -> count(prefix, "synced") == 20);
    }

    @Test
    void teamsLookUpsAskTheBackendLive() throws Exception {
        String tenant = consentedTenant();
        String account = syncedAccount(tenant);
        HttpResponse<String> plans = post("/accounts/" + account + ":getTeamsCapabilityPlans", "");
        assertEquals(200, plans.statusCode(), plans.body());
        assertEquals("CallingUserAssignment", body(plans).getJsonArray("capabilityPlans").getJsonObject(0)
                .getString("usage"));
        HttpResponse<String> available = post("/accounts/" + account + ":getTeamsAvailableCapabilities",
                "{\"numbers\":[{\"telephoneNumber\":\"+442071234567\"}]}", "Authorization",
                "Bearer " + Tokens.roles(Tokens.READ));
        assertEquals(200, available.statusCode(), available.body());
        assertFalse(body(available).getJsonArray("availableCapabilities").isEmpty());

        JsonObject addresses = body(get("/accounts/" + account + "/teamsCivicAddresses?countRecords=true"));
        JsonObject address = addresses.getJsonArray("value").getJsonObject(0);
        assertEquals(tenant, address.getString("tenantId"));
        HttpResponse<String> one = get("/accounts/" + account + "/teamsCivicAddresses/" + address.getString("id"));
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.headers().firstValue("ETag").isPresent());
        assertEquals(address.getString("defaultLocationId"), body(one).getString("defaultLocationId"));
        assertAzureError(get("/accounts/" + account + "/teamsCivicAddresses/nope"), 404, "NotFound");

        teams.fault("down", 0, 0);
        assertAzureError(post("/accounts/" + account + ":getTeamsCapabilityPlans", ""), 503,
                "OperatorConnectUnavailable");
        teams.fault("error", 400, 0);
        assertAzureError(get("/accounts/" + account + "/teamsCivicAddresses"), 502, "EmulatedFault");
        teams.fault("none", 0, 0);
        String noTenant = "notenant-" + System.nanoTime();
        assertEquals(201, put("/accounts/" + noTenant, "{}").statusCode());
        assertAzureError(get("/accounts/" + noTenant + "/teamsCivicAddresses"), 409, "TeamsTenantIdRequired");
    }
}
