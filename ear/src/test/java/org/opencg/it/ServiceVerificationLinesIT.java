package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test lines through the Provisioning API (acg-behaviour.md §10, ARM's {@code testLines}): created, replaced, read,
 * listed, audited and deleted; every wrong field named; a test line's number never a customer's, both ways round;
 * a Read token cannot write one. (Not "TestLinesIT": surefire would take a class starting with "Test" for a unit
 * test.)
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceVerificationLinesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String number() {
        return "+4420794" + String.format("%05d", System.nanoTime() % 100_000);
    }

    private static HttpResponse<String> putLine(String name, String number, String purpose, String... headers)
            throws Exception {
        return ProvisioningApi.put("/testLines/" + name, "{\"properties\":{\"phoneNumber\":\"" + number
                + "\",\"purpose\":\"" + purpose + "\"}}", headers);
    }

    @Test
    void aTestLineIsCreatedReplacedReadAuditedAndDeleted() throws Exception {
        String name = "OC" + System.nanoTime() % 10_000;
        String first = number();
        HttpResponse<String> created = putLine(name, first, "Automated");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject line = ProvisioningApi.body(created);
        assertEquals(name, line.getString("name"));
        assertEquals("Microsoft.VoiceServices/communicationsGateways/testLines", line.getString("type"));
        assertEquals(first, line.getJsonObject("properties").getString("phoneNumber"));
        assertEquals("Automated", line.getJsonObject("properties").getString("purpose"));

        String second = number();
        HttpResponse<String> replaced = putLine(name, second, "Manual");
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonObject read = ProvisioningApi.body(ProvisioningApi.get("/testLines/" + name));
        assertEquals(second, read.getJsonObject("properties").getString("phoneNumber"));
        assertEquals("Manual", read.getJsonObject("properties").getString("purpose"));
        assertTrue(ProvisioningApi.get("/testLines").body().contains("\"name\":\"" + name + "\""));

        String audit = ProvisioningApi.get("/audit?resourceType=testLine&resourceKey=" + name).body();
        assertTrue(audit.contains("\"action\":\"create\"") && audit.contains("\"action\":\"update\""), audit);

        assertEquals(204, ProvisioningApi.delete("/testLines/" + name).statusCode());
        ProvisioningApi.assertAzureError(ProvisioningApi.get("/testLines/" + name), 404, "NotFound");
        assertTrue(ProvisioningApi.get("/audit?resourceType=testLine&resourceKey=" + name).body()
                .contains("\"action\":\"delete\""));
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsSaved() throws Exception {
        JsonObject error = ProvisioningApi.assertAzureError(putLine("ok-name", "07700900123", "Sometimes"), 400,
                "InvalidTestLine");
        assertTrue(error.getString("message").contains("E.164") && error.getString("message").contains("Manual or "
                + "Automated"), error.toString());
        ProvisioningApi.assertAzureError(putLine("no", number(), "Manual"), 400, "InvalidTestLineName");
        ProvisioningApi.assertAzureError(putLine("a_b", number(), "Manual"), 400, "InvalidTestLineName");
        ProvisioningApi.assertAzureError(ProvisioningApi.put("/testLines/no-body", "{}"), 400,
                "MissingRequiredProperty");
        ProvisioningApi.assertAzureError(ProvisioningApi.get("/testLines/ok-name"), 404, "NotFound");
    }

    @Test
    void aTestLinesNumberIsNeverACustomersNumberBothWaysRound() throws Exception {
        String account = "lines-" + System.nanoTime() % 1_000_000;
        assertEquals(201, ProvisioningApi.put("/accounts/" + account, "{\"serviceDetails\":{\"teamsTenantId\":"
                + "\"3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f\",\"teamsOperatorConnect\":{\"syncEnabled\":false,"
                + "\"enabled\":true}}}").statusCode());
        String customers = number();
        assertEquals(200, ProvisioningApi.post("/accounts/" + account + ":createOrUpdateNumbers",
                "{\"numbers\":[{\"telephoneNumber\":\"" + customers + "\",\"serviceDetails\":{\"teamsOperatorConnect"
                        + "\":{\"enabled\":true}}}]}").statusCode());
        JsonObject inUse = ProvisioningApi.assertAzureError(putLine("taken-" + System.nanoTime() % 1000, customers,
                "Manual"), 409, "TestLineNumberInUse");
        assertTrue(inUse.getString("message").contains(account), inUse.toString());

        String lines = number();
        String name = "TPM" + System.nanoTime() % 10_000;
        assertEquals(201, putLine(name, lines, "Manual").statusCode());
        JsonObject isLine = ProvisioningApi.assertAzureError(ProvisioningApi.post("/accounts/" + account
                + ":createOrUpdateNumbers", "{\"numbers\":[{\"telephoneNumber\":\"" + lines + "\",\"serviceDetails\":"
                + "{\"teamsOperatorConnect\":{\"enabled\":true}}}]}"), 409, "NumberIsTestLine");
        assertTrue(isLine.getString("message").contains(name), isLine.toString());
        ProvisioningApi.assertAzureError(putLine("other-" + System.nanoTime() % 1000, lines, "Manual"), 409,
                "TestLineNumberInUse");
        assertEquals(404, ProvisioningApi.get("/accounts/" + account + "/numbers/" + lines.replace("+", "%2B"))
                .statusCode(), "the refused number was saved");
    }

    @Test
    void aReadTokenReadsTestLinesButCannotWriteOne() throws Exception {
        String bearer = "Bearer " + Tokens.roles(Tokens.READ);
        assertEquals(200, ProvisioningApi.get("/testLines", "Authorization", bearer).statusCode());
        String name = "read-" + System.nanoTime() % 10_000;
        assertEquals(403, putLine(name, number(), "Manual", "Authorization", bearer).statusCode());
        assertEquals(404, ProvisioningApi.get("/testLines/" + name).statusCode(), "a Read token created a line");
    }
}
