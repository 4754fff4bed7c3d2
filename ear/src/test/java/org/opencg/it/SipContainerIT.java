package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SIP servlet container driven by real SIP from SIPp: a JSR 289 test application deployed in the gateway
 * answers, times, originates and bridges calls. Each test is one call with SIPp on both ends where needed.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@ExtendWith(NothingLeftBehind.class)
@RunAsClient
class SipContainerIT {

    private static final int CALLER_PORT = 16060;
    private static final int CALLEE_PORT = 16070;
    private static final String CALLEE = "sip:callee@127.0.0.1:" + CALLEE_PORT;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.earWithTestApplication();
    }

    @Test
    void messagesAreCountedByMethodAndResponseClass() throws Exception {
        double invites = Metrics.value("opencg_sip_requests_received_total", "method=\"INVITE\"");
        double successes = Metrics.value("opencg_sip_responses_sent_total", "class=\"2xx\"");
        call("uac-call", "uas", null);
        assertEquals(invites + 1, Metrics.value("opencg_sip_requests_received_total", "method=\"INVITE\""));
        assertTrue(Metrics.value("opencg_sip_responses_sent_total", "class=\"2xx\"") >= successes + 2,
                "200 for INVITE and BYE");
    }

    private static void call(String scenario, String user, String target) throws Exception {
        Sipp caller = Sipp.uac(scenario, user, CALLER_PORT, target);
        assertEquals(0, caller.await(), caller.report());
    }

    private static void bridged(String callerScenario, String calleeScenario) throws Exception {
        Sipp callee = Sipp.uas(calleeScenario, CALLEE_PORT, 1);
        Sipp caller = Sipp.uac(callerScenario, "b2b", CALLER_PORT, CALLEE);
        assertEquals(0, caller.await(), caller.report());
        assertEquals(0, callee.await(), callee.report());
    }

    @Test
    void aServletAnswersACallAndTheCallerHangsUp() throws Exception {
        call("uac-call", "uas", null);
    }

    @Test
    void aReliableProvisionalResponseIsPrackedBeforeTheAnswer() throws Exception {
        call("uac-100rel", "rel", null);
    }

    @Test
    void aServletTimerAnswersTheCallLater() throws Exception {
        Sipp caller = Sipp.uac("uac-call", "timer", CALLER_PORT, null);
        assertEquals(0, caller.await(), caller.report());
        // Measured on the wire: the 200 comes from the 300 ms ServletTimer, not from the INVITE's own handling.
        long answeredAfter = caller.millisFromInviteTo200();
        assertTrue(answeredAfter >= 290 && answeredAfter < 2000, "200 came " + answeredAfter + " ms after the INVITE");
    }

    @Test
    void theB2buaCarriesACallBetweenTwoLegs() throws Exception {
        Sipp callee = Sipp.uas("uas-call", CALLEE_PORT, 1);
        Sipp caller = Sipp.uac("uac-call", "b2b", CALLER_PORT, CALLEE);
        assertEquals(0, caller.await(), caller.report());
        assertEquals(0, callee.await(), callee.report());
        // Two dialogs, not one message passed through: the legs have different Call-IDs.
        assertTrue(!callIds(caller.messages()).equals(callIds(callee.messages())),
                "the B2BUA must start a new dialog on its second leg");
    }

    @Test
    void theB2buaPassesACancelToTheRingingLeg() throws Exception {
        bridged("uac-cancel", "uas-cancel");
    }

    @Test
    void theB2buaPassesAReInviteToTheOtherLeg() throws Exception {
        bridged("uac-reinvite", "uas-reinvite");
    }

    @Test
    void aServletOriginatesACallAsUac() throws Exception {
        Sipp callee = Sipp.uas("uas-call", CALLEE_PORT, 1);
        call("uac-call", "uac", CALLEE);
        assertEquals(0, callee.await(), callee.report());
    }

    private static String callIds(String messages) {
        Matcher matcher = Pattern.compile("(?m)^Call-ID: *(\\S+)").matcher(messages);
        java.util.Set<String> ids = new java.util.TreeSet<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids.toString();
    }
}
