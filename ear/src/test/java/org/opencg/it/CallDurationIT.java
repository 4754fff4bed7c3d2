package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CallDuration upload (acg-behaviour.md §5): every answered Operator Connect call's duration reaches Teams (the
 * Operator Connect emulator) once, through the outbox, whether the API is up, down or too slow to answer in time.
 * Each call record has an id of its own, so a duration sent twice under two ids would show as a third entry.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallDurationIT {

    private static final int OPERATOR_CALLER_PORT = 15175;

    private static TeamsBackend teams;
    private static Sipp proxy;
    private static Sipp operator;
    private static Socat tls;
    private static String tenant;
    private static String number;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @BeforeAll
    static void peers() throws Exception {
        teams = TeamsBackend.start(Integer.parseInt(System.getProperty("it.oc.port", "18086")));
        Path certificate = Socat.certificate("teams-emulator");
        proxy = Sipp.peer("teams-proxy", Map.of("HOST", "127.0.0.1", "PORT", "15071", "BUSY", "x", "DECLINE", "x",
                "SILENT", "x"), List.of("-t", "t1", "-p", "16071"));
        tls = Socat.server(15071, 16071, certificate);
        operator = Sipp.peer("operator-callee", Map.of(), List.of("-p", "15090"));
        tenant = UUID.randomUUID().toString();
        teams.addConsent(Json.createObjectBuilder().add("tenantId", tenant).add("operatorId", "op-1")
                .add("status", "active").add("consentedOn", "2026-03-01T10:00:00Z")
                .add("lastModifiedOn", "2026-03-02T11:00:00Z").build());
        String account = "duration-" + System.nanoTime();
        HttpResponse<String> created = ProvisioningApi.put("/accounts/" + account, """
                {"serviceDetails":{"teamsTenantId":"%s","teamsOperatorConnect":{"syncEnabled":true,"enabled":true}}}"""
                .formatted(tenant));
        assertEquals(201, created.statusCode(), created.body());
        number = "+4420" + String.format("%05d", System.nanoTime() % 100_000) + "77"; // 0 + 9 digits at the trunk
        HttpResponse<String> numbers = ProvisioningApi.post("/accounts/" + account + ":createOrUpdateNumbers", """
                {"numbers":[{"telephoneNumber":"%s","serviceDetails":{"teamsOperatorConnect":{"enabled":true,
                  "assignmentStatus":"assigned","configuration":{"usage":"CallingUserAssignment",
                  "choosableCapabilities":["InboundCalling","OutboundCalling"]}}}}]}""".formatted(number));
        assertEquals(200, numbers.statusCode(), numbers.body());
        for (String peer : List.of("sip", "op1")) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"" + peer + "\"", 1, 30), peer);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        teams.fault("none", 0, 0);
        proxy.stop();
        operator.stop();
        tls.close();
        teams.close();
    }

    /** A call from the operator's network to the Operator Connect number; it must complete. */
    private static void call() throws Exception {
        Sipp caller = Sipp.with("operator-caller", List.of("-p", String.valueOf(OPERATOR_CALLER_PORT), "-m", "1",
                "-s", "0" + number.substring(3), "-key", "calling", "02079460000", "-key", "extra", "X-Test: plain",
                "127.0.0.1:" + TestServer.SIP_PORT));
        assertEquals(0, caller.await(), caller.report());
    }

    private static List<JsonObject> durationsOfTheNumber() throws Exception {
        return teams.callDurations().entrySet().stream().filter(e -> e.getKey().startsWith(tenant + "/"))
                .map(Map.Entry::getValue).filter(d -> d.getString("telephoneNumber").equals(number)).toList();
    }

    @Test
    void everyAnsweredCallsDurationReachesTeamsOnceThroughAnOutageAndLostAnswers() throws Exception {
        call();
        Eventually.until("the first call's duration at Teams", Duration.ofSeconds(20),
                () -> durationsOfTheNumber().size() == 1);
        JsonObject first = durationsOfTheNumber().get(0);
        assertEquals("to-microsoft", first.getString("direction"));
        long measured = first.getJsonNumber("durationMs").longValue();
        long billed = first.getJsonNumber("billedMs").longValue();
        assertTrue(measured > 0 && billed >= measured && billed % 1000 == 0, first.toString()); // up to the second

        teams.fault("down", 0, 0); // the Operator Connect API unreachable while a call ends
        call();
        Thread.sleep(3000);
        assertEquals(1, durationsOfTheNumber().size(), "nothing can arrive while the API is down");
        // Answers slower than the gateway waits (opencg.oc.timeout-ms): the upload arrives, its answer is lost, and
        // the outbox sends it again; Teams recognises the call by its id.
        teams.fault("slow", 0, 2500);
        Thread.sleep(6000);
        teams.fault("none", 0, 0);
        Eventually.until("the second call's duration at Teams", Duration.ofSeconds(30),
                () -> durationsOfTheNumber().size() == 2);
        // The outbox is shared with every other test's leftovers (e.g. DNS tasks with no DNS server), so the proof
        // that nothing comes twice is that nothing more comes: the emulator would keep a second id of a call.
        Thread.sleep(3000);
        assertEquals(2, durationsOfTheNumber().size(), "each call's duration once");
    }
}
