package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The synthetic-call runner (acg-behaviour.md §10) end to end: three Automated test lines, two of them users of a real
 * phone (baresip) standing in for Teams behind the proxy "sip", over TLS and SRTP. Asked through the API, the runner
 * has each line call the next through the gateway: the calls to a phone's user pass with the RTP that came back,
 * the call to the number nobody answers fails with the phone's answer as its reason; metrics count both.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyntheticTestCallsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @Test
    void aRoundOfTestCallsPassesWhereTeamsAnswersAndFailsWithTheReasonWhereItDoesNot() throws Exception {
        String run = String.valueOf(System.nanoTime() % 1000);
        List<String[]> lines = List.of(new String[] {"synth-a-" + run, "+442079461101"},
                new String[] {"synth-b-" + run, "+442079461102"}, new String[] {"synth-c-" + run, "+442079461103"});
        double passedBefore = Metrics.value("opencg_test_calls_total", "result=\"passed\"");
        double failedBefore = Metrics.value("opencg_test_calls_total", "result=\"failed\"");
        String accounts = "<sip:+442079461000@127.0.0.1>;regint=0\n"
                + "<sip:+442079461101@127.0.0.1>;regint=0;answermode=auto;mediaenc=srtp-mand;audio_codecs=PCMA,PCMU\n"
                + "<sip:+442079461102@127.0.0.1>;regint=0;answermode=auto;mediaenc=srtp-mand;audio_codecs=PCMA,PCMU";
        Path certificate = Socat.certificate("teams-phone");
        try (Baresip teams = Baresip.start("teams-test-lines", "127.0.0.1:15070", accounts, 1000, 40, null,
                certificate, 0)) {
            assertEquals(1.0, Metrics.awaitValue("opencg_sbc_peer_up", "peer=\"sip\"", 1, 30),
                    "the Teams phone answers the keep-alive");
            for (String[] line : lines) {
                assertEquals(201, ProvisioningApi.put("/testLines/" + line[0], "{\"properties\":{\"phoneNumber\":\""
                        + line[1] + "\",\"purpose\":\"Automated\"}}").statusCode());
            }
            assertEquals(202, ProvisioningApi.post("/testCalls", "").statusCode());
            Map<String, JsonObject> results = new java.util.HashMap<>();
            Eventually.until("a round of three test calls", java.time.Duration.ofSeconds(90), () -> {
                for (JsonObject result : ProvisioningApi.body(ProvisioningApi.get("/testCalls?top=20"))
                        .getJsonArray("value").getValuesAs(JsonObject.class)) {
                    if (result.getString("callerLine").endsWith("-" + run)) {
                        results.putIfAbsent(result.getString("callerLine"), result);
                    }
                }
                return results.size() == 3;
            });
            JsonObject aToB = results.get(lines.get(0)[0]);
            assertEquals(lines.get(1)[0], aToB.getString("calledLine"), aToB.toString());
            assertEquals("passed", aToB.getString("result"), aToB.toString());
            assertTrue(aToB.getString("reason").contains("RTP packets back"), aToB.toString());
            assertTrue(aToB.getInt("rtpPacketsBack") >= 10, aToB.toString());
            JsonObject bToC = results.get(lines.get(1)[0]);
            assertEquals("failed", bToC.getString("result"), bToC.toString());
            assertTrue(bToC.getString("reason").matches("[4-6]\\d\\d .+"), "the far end's answer: " + bToC);
            JsonObject cToA = results.get(lines.get(2)[0]);
            assertEquals("passed", cToA.getString("result"), cToA.toString());
        } finally {
            for (String[] line : lines) {
                ProvisioningApi.delete("/testLines/" + line[0]);
            }
        }
        assertTrue(Metrics.value("opencg_test_calls_total", "result=\"passed\"") >= passedBefore + 2);
        assertTrue(Metrics.value("opencg_test_calls_total", "result=\"failed\"") >= failedBefore + 1);
    }
}
