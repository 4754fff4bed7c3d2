package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container's JSR 289 proxy driven by SIPp: a caller, and two SIPp targets that ring, answer or refuse, behind
 * the test application's proxy servlet ({@code fork}: parallel, {@code hunt}: sequential with 2 s per target; both
 * record-route and supervise). What is asserted is what the peers see on the wire.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@ExtendWith(NothingLeftBehind.class)
@RunAsClient
class ProxyIT {

    private static final int CALLER_PORT = 16060;
    private static final int A_PORT = 16070;
    private static final int B_PORT = 16072;
    private static final String TARGETS = "sip:a@127.0.0.1:" + A_PORT + ",sip:b@127.0.0.1:" + B_PORT;
    private static final String GATEWAY_VIA = "Via: SIP/2.0/UDP 127.0.0.1:" + TestServer.SIP_PORT + ";branch=z9hG4bK-ocgp-";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.earWithTestApplication();
    }

    private static Sipp[] targets(String scenarioA, String scenarioB) throws Exception {
        Sipp a = Sipp.uas(scenarioA, A_PORT, 1);
        Sipp b = Sipp.uas(scenarioB, B_PORT, 1);
        return new Sipp[] {a, b};
    }

    private static void assertCompleted(Sipp... peers) throws Exception {
        for (Sipp peer : peers) {
            assertEquals(0, peer.await(), peer.report());
        }
    }

    @Test
    void parallelForkingConnectsTheTargetThatAnswersAndCancelsTheOther() throws Exception {
        Sipp[] targets = targets("uas-cancel", "uas-call");
        Sipp caller = Sipp.uac("uac-call", "fork", CALLER_PORT, TARGETS);
        assertCompleted(caller, targets[0], targets[1]);

        String answer = caller.message("SIP/2.0 200");
        assertTrue(Pattern.compile("Record-Route: <sip:127\\.0\\.0\\.1:" + TestServer.SIP_PORT + ";[^>]*ocg=")
                .matcher(answer).find(), "the proxy record-routes:\n" + answer);
        // The ACK and BYE reach the answering target through the proxy (our Via on top), since it record-routed.
        for (String request : new String[] {"ACK ", "BYE "}) {
            String received = targets[1].message(request);
            assertNotNull(received, targets[1].report());
            assertTrue(received.contains(GATEWAY_VIA), request + "came through the proxy:\n" + received);
        }
    }

    @Test
    void sequentialSearchTriesTheNextTargetAfterARefusal() throws Exception {
        Sipp[] targets = targets("uas-busy", "uas-call");
        Sipp caller = Sipp.uac("uac-call", "hunt", CALLER_PORT, TARGETS);
        assertCompleted(caller, targets[0], targets[1]);

        // A refuses 300 ms after its INVITE; B's INVITE comes only then. (Compared INVITE to INVITE: two SIPp
        // processes stamp their traces from clocks each reads once per loop, so A's 486 and B's INVITE, sent and
        // received within a millisecond, may be stamped in either order.)
        long afterA = Duration.between(targets[0].timeOf("INVITE "), targets[1].timeOf("INVITE ")).toMillis();
        assertTrue(afterA >= 250, "B is tried after A refused, not beside it: " + afterA + " ms after A");
        assertTrue(caller.message("SIP/2.0 200").contains("X-Branch-Responses: [486]"),
                "doBranchResponse saw A's 486:\n" + caller.message("SIP/2.0 200"));
    }

    @Test
    void sequentialSearchCancelsATargetThatRingsTooLong() throws Exception {
        Sipp[] targets = targets("uas-cancel", "uas-call");
        Sipp caller = Sipp.uac("uac-call", "hunt", CALLER_PORT, TARGETS);
        assertCompleted(caller, targets[0], targets[1]);

        long waited = Duration.between(targets[0].timeOf("INVITE "), targets[0].timeOf("CANCEL ")).toMillis();
        assertTrue(waited >= 1900 && waited < 4000, "A rang for its 2 s before the CANCEL: " + waited + " ms");
        long afterA = Duration.between(targets[0].timeOf("INVITE "), targets[1].timeOf("INVITE ")).toMillis();
        assertTrue(afterA >= 1900, "B is tried after A's time, not beside it: " + afterA + " ms after A");
    }

    @Test
    void theBestResponseGoesUpstreamWhenEveryTargetRefuses() throws Exception {
        Sipp[] targets = targets("uas-busy", "uas-unavailable");
        Sipp caller = Sipp.uac("uac-fail", "fork", CALLER_PORT, TARGETS);
        assertCompleted(caller, targets[0], targets[1]);

        assertEquals(486, caller.finalInviteStatus(), "a 4xx is better than a 5xx (RFC 3261 §16.7)");
        assertTrue(Pattern.compile("X-Branch-Responses: \\[(486|503)\\]").matcher(caller.messages()).find(),
                "the other refusal went to doBranchResponse:\n" + caller.messages());
    }

    @Test
    void aLone503IsPassedUpstreamAs500() throws Exception {
        Sipp target = Sipp.uas("uas-unavailable", A_PORT, 1);
        Sipp caller = Sipp.uac("uac-fail", "fork", CALLER_PORT, "sip:a@127.0.0.1:" + A_PORT);
        assertCompleted(caller, target);

        assertEquals(500, caller.finalInviteStatus());
    }

    @Test
    void theCallersCancelReachesEveryRingingTarget() throws Exception {
        Sipp[] targets = targets("uas-cancel", "uas-cancel");
        Sipp caller = Sipp.uac("uac-cancel", "fork", CALLER_PORT, TARGETS);
        assertCompleted(caller, targets[0], targets[1]);

        assertEquals(487, caller.finalInviteStatus());
    }
}
