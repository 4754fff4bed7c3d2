package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencg.it.ProvisioningApi.assertAzureError;
import static org.opencg.it.ProvisioningApi.body;
import static org.opencg.it.ProvisioningApi.delete;
import static org.opencg.it.ProvisioningApi.get;
import static org.opencg.it.ProvisioningApi.post;
import static org.opencg.it.ProvisioningApi.put;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Provisioning API's number operations on the wire (acg-behaviour.md §1.4 operations 5-10 and 15, checklist
 * items 5-10): one at a time with ETags, batches of up to 100 all or nothing, the cross-account list with its
 * filter, number counts on the account, and the rules that tie numbers to their account.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NumbersApiIT {

    private static final String TENANT = "0f3c6a8e-1b2d-4c5e-8f70-9a1b2c3d4e5f";
    /** Each test takes its own number range, so tests never see each other's numbers. */
    private static final AtomicLong RANGE = new AtomicLong(System.currentTimeMillis() % 100_000 * 1000);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String newAccount(String services) throws Exception {
        String name = "n-" + System.nanoTime();
        HttpResponse<String> created = put("/accounts/" + name, """
                {"serviceDetails":{"teamsTenantId":"%s",%s}}""".formatted(TENANT, services));
        assertEquals(201, created.statusCode(), created.body());
        return name;
    }

    private static final String OC_DR_ZOOM = """
            "teamsOperatorConnect":{"syncEnabled":false,"enabled":true},
            "teamsDirectRouting":{"syncEnabled":false,"enabled":true,"configuration":{"callScreening":true,
              "subdomain":"fabrikam","subdomainTokens":{"region1Token":"r1","region2Token":"r2"}}},
            "zoomPhoneCloudPeering":{"syncEnabled":false,"enabled":true}""";

    /** A prefix of 8 digits no other test uses: numbers are prefix + 4 digits. */
    private static String prefix() {
        return "+4420" + (RANGE.incrementAndGet() % 1_000_000);
    }

    private static String ocNumber(String number, String account) {
        return """
                {"telephoneNumber":"%s","accountName":"%s","serviceDetails":{
                  "teamsOperatorConnect":{"enabled":true,"assignmentStatus":"assigned","configuration":{
                    "usage":"CallingUserAssignment","choosableCapabilities":["InboundCalling","OutboundCalling"],
                    "acquiredCapabilities":["ignored"],"civicAddressId":"addr-1"}}},
                 "configuration":{"customSipHeader":"fabrikam-7"}}""".formatted(number, account);
    }

    private static String zoomNumber(String number) {
        return "{\"telephoneNumber\":\"%s\",\"serviceDetails\":{\"zoomPhoneCloudPeering\":{\"enabled\":true}}}"
                .formatted(number);
    }

    private static String filter(String expression) {
        return "filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8);
    }

    @Test
    void aNumberIsCreatedReadReplacedAndDeletedWithinItsAccountOnly() throws Exception {
        String account = newAccount(OC_DR_ZOOM);
        String other = newAccount(OC_DR_ZOOM);
        String number = prefix() + "0001";
        String path = "/accounts/" + account + "/numbers/" + number;

        HttpResponse<String> created = put(path, ocNumber(number, account));
        assertEquals(201, created.statusCode(), created.body());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        JsonObject read = body(get(path));
        JsonObject oc = read.getJsonObject("serviceDetails").getJsonObject("teamsOperatorConnect");
        assertEquals("assigned", oc.getString("assignmentStatus"));
        assertEquals("CallingUserAssignment", oc.getJsonObject("configuration").getString("usage"));
        assertEquals(2, oc.getJsonObject("configuration").getJsonArray("choosableCapabilities").size());
        assertTrue(oc.getJsonObject("configuration").getJsonArray("acquiredCapabilities").isEmpty(),
                "read-only acquiredCapabilities from the client is ignored: " + oc);
        assertEquals("fabrikam-7", read.getJsonObject("configuration").getString("customSipHeader"));
        assertEquals("synced", read.getString("serviceProvisioningStatus"), "no sync on this account");
        assertEquals(1, body(get("/accounts/" + account)).getJsonObject("serviceDetails")
                .getJsonObject("teamsOperatorConnect").getInt("numberCount"));

        // Another account's number is as unknown as none (checklist 10), and cannot be taken over.
        assertAzureError(get("/accounts/" + other + "/numbers/" + number), 404, "NotFound");
        assertAzureError(put("/accounts/" + other + "/numbers/" + number, zoomNumber(number)), 409,
                "NumberInAnotherAccount");

        assertAzureError(put(path, zoomNumber(number), "If-None-Match", "*"), 412, "PreconditionFailed");
        HttpResponse<String> replaced = put(path, zoomNumber(number), "If-Match", etag);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertNotEquals(etag, replaced.headers().firstValue("ETag").orElseThrow());
        JsonObject services = body(get(path)).getJsonObject("serviceDetails");
        assertFalse(services.containsKey("teamsOperatorConnect"), "PUT replaces the whole number: " + services);
        JsonObject counts = body(get("/accounts/" + account)).getJsonObject("serviceDetails");
        assertEquals(0, counts.getJsonObject("teamsOperatorConnect").getInt("numberCount"));
        assertEquals(1, counts.getJsonObject("zoomPhoneCloudPeering").getInt("numberCount"));

        assertAzureError(delete(path, "If-Match", etag), 412, "PreconditionFailed");
        assertEquals(204, delete(path).statusCode());
        assertAzureError(get(path), 404, "NotFound");
    }

    @Test
    void badNumbersAreRefusedNamingTheField() throws Exception {
        String account = newAccount("\"zoomPhoneCloudPeering\":{\"syncEnabled\":false,\"enabled\":true}");
        String base = "/accounts/" + account + "/numbers/";
        for (String bad : List.of("441234567", "+0441234567", "+44123456789012345", "+44 1234")) {
            String path = base + URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20");
            JsonObject error = assertAzureError(put(path, zoomNumber(bad)), 400, "InvalidTelephoneNumber");
            assertEquals("telephoneNumber", error.getString("target"));
        }
        String number = prefix() + "0001";
        JsonObject error = assertAzureError(put(base + number, ocNumber(number, account)), 400,
                "ServiceNotEnabledOnAccount");
        assertEquals("serviceDetails.teamsOperatorConnect.enabled", error.getString("target"));
        error = assertAzureError(put(base + number, "{\"serviceDetails\":{\"zoomPhoneCloudPeering\":{}}}"), 400,
                "MissingRequiredProperty");
        assertEquals("serviceDetails.zoomPhoneCloudPeering.enabled", error.getString("target"));
        assertAzureError(put(base + number, "{\"telephoneNumber\":\"" + number + "\"}"), 400,
                "MissingRequiredProperty");
        error = assertAzureError(put(base + number, "{\"serviceDetails\":{},\"configuration\":{\"customSipHeader\":\"a b\"}}"),
                400, "InvalidCustomSipHeader");
        assertEquals("configuration.customSipHeader", error.getString("target"));
        assertAzureError(put("/accounts/nobody-" + System.nanoTime() + "/numbers/" + number, zoomNumber(number)),
                404, "NotFound");
        assertAzureError(get(base + number), 404, "NotFound");
    }

    private static String batch(List<String> items) {
        return "{\"numbers\":[" + String.join(",", items) + "]}";
    }

    @Test
    void batchesHoldAtMost100AndOneBadItemWritesNothing() throws Exception {
        String account = newAccount(OC_DR_ZOOM);
        String prefix = prefix();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            items.add(zoomNumber(prefix + String.format("%04d", i)));
        }
        String action = "/accounts/" + account + ":createOrUpdateNumbers";
        assertAzureError(post(action, batch(items)), 400, "TooManyItems");

        List<String> hundred = new ArrayList<>(items.subList(0, 100));
        hundred.set(57, "{\"telephoneNumber\":\"" + prefix + "0057\",\"serviceDetails\":{"
                + "\"teamsPhoneMobile\":{\"enabled\":true}}}");
        JsonObject error = assertAzureError(post(action, batch(hundred)), 400, "ServiceNotEnabledOnAccount");
        assertEquals("numbers[57].serviceDetails.teamsPhoneMobile.enabled", error.getString("target"));
        hundred.set(57, zoomNumber(prefix + "0003"));
        error = assertAzureError(post(action, batch(hundred)), 400, "DuplicateTelephoneNumber");
        assertEquals("numbers[57].telephoneNumber", error.getString("target"));
        assertEquals("0", get("/numbers?countRecords=true&" + filter("startswith(telephoneNumber,'" + prefix + "')"))
                .headers().firstValue("x-ms-record-count").orElseThrow(), "a refused batch writes nothing");

        hundred.set(57, zoomNumber(prefix + "0057"));
        HttpResponse<String> done = post(action, batch(hundred));
        assertEquals(200, done.statusCode(), done.body());
        JsonArray echoed = body(done).getJsonArray("numbers");
        assertEquals(100, echoed.size());
        assertEquals(prefix + "0099", echoed.getJsonObject(99).getString("telephoneNumber"));
        assertEquals(account, echoed.getJsonObject(99).getString("accountName"));
        assertEquals(100, body(get("/accounts/" + account)).getJsonObject("serviceDetails")
                .getJsonObject("zoomPhoneCloudPeering").getInt("numberCount"));

        // Batch delete: one number not in the account refuses all of it.
        String deletion = "/accounts/" + account + ":deleteNumbers";
        String unknown = "{\"numbers\":[{\"telephoneNumber\":\"" + prefix + "0001\"},{\"telephoneNumber\":\""
                + prefix + "9999\"}]}";
        error = assertAzureError(post(deletion, unknown), 404, "NotFound");
        assertEquals("numbers[1].telephoneNumber", error.getString("target"));
        assertEquals(200, get("/accounts/" + account + "/numbers/" + prefix + "0001").statusCode());
        assertEquals(204, post(deletion, "{\"numbers\":[{\"telephoneNumber\":\"" + prefix + "0001\"},"
                + "{\"telephoneNumber\":\"" + prefix + "0002\"}]}").statusCode());
        assertAzureError(get("/accounts/" + account + "/numbers/" + prefix + "0001"), 404, "NotFound");
        assertEquals(98, body(get("/accounts/" + account)).getJsonObject("serviceDetails")
                .getJsonObject("zoomPhoneCloudPeering").getInt("numberCount"));
    }

    @Test
    void listsFilterAcrossAccountsAndPage() throws Exception {
        String first = newAccount(OC_DR_ZOOM);
        String second = newAccount(OC_DR_ZOOM);
        String prefix = prefix();
        assertEquals(200, post("/accounts/" + first + ":createOrUpdateNumbers", batch(List.of(
                zoomNumber(prefix + "0001"), zoomNumber(prefix + "0002"), ocNumber(prefix + "0003", first))))
                .statusCode());
        assertEquals(200, post("/accounts/" + second + ":createOrUpdateNumbers", batch(List.of(
                zoomNumber(prefix + "0004"), ocNumber(prefix + "0005", second)))).statusCode());

        String byPrefix = filter("startswith(telephoneNumber,'" + prefix + "')");
        HttpResponse<String> all = get("/numbers?countRecords=true&maxpagesize=2&" + byPrefix);
        assertEquals("5", all.headers().firstValue("x-ms-record-count").orElseThrow());
        JsonObject page = body(all);
        assertEquals(List.of(prefix + "0001", prefix + "0002"), numbers(page));
        JsonObject next = body(ProvisioningApi.getUrl(page.getString("nextLink")));
        assertEquals(List.of(prefix + "0003", prefix + "0004"), numbers(next));
        JsonObject last = body(ProvisioningApi.getUrl(next.getString("nextLink")));
        assertEquals(List.of(prefix + "0005"), numbers(last));
        assertFalse(last.containsKey("nextLink"), "no nextLink on the last page");

        assertEquals(List.of(prefix + "0003", prefix + "0005"), numbers(body(get("/numbers?" + filter(
                "startswith(telephoneNumber,'" + prefix + "') and serviceDetails/teamsOperatorConnect/enabled eq true")))));
        assertEquals(List.of(prefix + "0004"), numbers(body(get("/numbers?" + filter(
                "accountName eq '" + second + "' and serviceDetails/zoomPhoneCloudPeering/enabled eq true")))));
        assertEquals(List.of(prefix + "0004", prefix + "0005"),
                numbers(body(get("/accounts/" + second + "/numbers"))));
        assertEquals(List.of(prefix + "0002"), numbers(body(get("/numbers?" + filter(
                "telephoneNumber eq '" + prefix + "0002'")))));
        JsonObject error = assertAzureError(get("/numbers?" + filter("telephoneNumber ne '1'")), 400, "InvalidFilter");
        assertEquals("filter", error.getString("target"));
        assertAzureError(get("/accounts/nobody-" + System.nanoTime() + "/numbers"), 404, "NotFound");
    }

    private static List<String> numbers(JsonObject page) {
        return page.getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getString("telephoneNumber")).toList();
    }

    @Test
    void anAccountWithNumbersIsDeletedOnlyWithThem() throws Exception {
        String account = newAccount(OC_DR_ZOOM);
        String prefix = prefix();
        assertEquals(200, post("/accounts/" + account + ":createOrUpdateNumbers",
                batch(List.of(zoomNumber(prefix + "0001"), ocNumber(prefix + "0002", account)))).statusCode());

        JsonObject error = assertAzureError(delete("/accounts/" + account), 409, "AccountHasNumbers");
        assertEquals("deleteNumbers", error.getString("target"));
        assertEquals(200, get("/accounts/" + account).statusCode());
        assertEquals(204, delete("/accounts/" + account + "?deleteNumbers=true").statusCode());
        assertAzureError(get("/accounts/" + account), 404, "NotFound");
        assertEquals("0", get("/numbers?countRecords=true&" + filter("startswith(telephoneNumber,'" + prefix + "')"))
                .headers().firstValue("x-ms-record-count").orElseThrow());
    }

    @Test
    void theTeamsTenantChangesOnlyWithoutTeamsNumbers() throws Exception {
        String account = newAccount(OC_DR_ZOOM);
        String number = prefix() + "0001";
        assertEquals(201, put("/accounts/" + account + "/numbers/" + number, ocNumber(number, account)).statusCode());
        String otherTenant = """
                {"serviceDetails":{"teamsTenantId":"11111111-2222-4333-8444-555555555555",%s}}""".formatted(OC_DR_ZOOM);
        JsonObject error = assertAzureError(put("/accounts/" + account, otherTenant), 409, "TeamsTenantIdInUse");
        assertEquals("serviceDetails.teamsTenantId", error.getString("target"));
        assertEquals(TENANT, body(get("/accounts/" + account)).getJsonObject("serviceDetails").getString("teamsTenantId"));

        assertEquals(200, put("/accounts/" + account + "/numbers/" + number, zoomNumber(number)).statusCode());
        HttpResponse<String> changed = put("/accounts/" + account, otherTenant);
        assertEquals(200, changed.statusCode(), changed.body());
    }
}
