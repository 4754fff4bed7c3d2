package org.opencg.sip.container.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Refusing new calls from a datagram's bytes: what is answered, what is dropped, what goes on to the parser. */
class EarlySheddingTest {

    private static final InetAddress PEER = InetAddress.getLoopbackAddress();
    private final Overload overload = new Overload(() -> 0, 0, () -> 0, 300);
    private final EarlyShedding shedding = new EarlyShedding(overload, (address, port, source, agent) -> true);

    private static String invite(String user, String toParams) {
        return "INVITE sip:" + user + "@192.0.2.9:5060;user=phone SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1;rport\r\n"
                + "v: SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bK-0\r\n"
                + "Max-Forwards: 70\r\nFrom: \"Alice\" <sip:alice@192.0.2.1>;tag=a1\r\n"
                + "To: <sip:" + user + "@192.0.2.9;transport=udp>" + toParams + "\r\nCall-ID: call-1@192.0.2.1\r\n"
                + "CSeq: 7 INVITE\r\nContact: <sip:alice@192.0.2.1>\r\nContent-Type: application/sdp\r\n"
                + "Content-Length: 4\r\n\r\nv=0\n";
    }

    /** The application at its limit: 20 calls in progress of 20. */
    private void atTheLimit() {
        overload.gate().limitCalls(20, "Service Unavailable (call limit of 20 reached)");
        overload.gate().callsInProgress(20);
    }

    private byte[] judge(String message, long waited) {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        return shedding.judge(bytes, bytes.length, waited, PEER, "127.0.0.1", 5060);
    }

    @Test
    void aNewCallPassesWhileTheGateIsOpenAndTheParserKeepsUp() {
        assertNull(judge(invite("+442079460000", ""), 100));
    }

    @Test
    void atTheApplicationsCallLimitANewCallGetsItsReasonWithRetryAfterAndEveryHeaderItMustCarry() {
        atTheLimit();
        String answer = new String(judge(invite("+442079460000", ""), 0), StandardCharsets.ISO_8859_1);
        assertTrue(answer.startsWith("SIP/2.0 503 Service Unavailable (call limit of 20 reached)\r\n"), answer);
        assertTrue(answer.contains("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1;rport\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bK-0\r\n"), "every Via, in order: " + answer);
        assertTrue(answer.contains("From: \"Alice\" <sip:alice@192.0.2.1>;tag=a1\r\n"), answer);
        assertTrue(answer.matches("(?s).*To: <sip:\\+442079460000@192.0.2.9;transport=udp>;tag=shed\\w+\r\n.*"),
                answer);
        assertTrue(answer.contains("Call-ID: call-1@192.0.2.1\r\nCSeq: 7 INVITE\r\nRetry-After: 5\r\n"), answer);
        assertTrue(answer.endsWith("Content-Length: 0\r\n\r\n"), answer);
        assertEquals(answer, new String(judge(invite("+442079460000", ""), 0), StandardCharsets.ISO_8859_1),
                "a retransmission gets the same answer, To-tag included");
        assertEquals(2, overload.gate().refusedAtGate());
        overload.gate().callsInProgress(19);
        assertNull(judge(invite("+442079460000", "").replace("z9hG4bK-1", "z9hG4bK-9"), 0), "open again");
    }

    @Test
    void aRetransmissionOfACallLetThroughBeforeTheGateClosedStillGoesToItsTransaction() {
        assertNull(judge(invite("+442079460000", ""), 0));
        atTheLimit();
        assertNull(judge(invite("+442079460000", ""), 0), "the same branch and Call-ID");
        assertTrue(new String(judge(invite("+442079460000", "").replace("z9hG4bK-1", "z9hG4bK-2"), 0),
                StandardCharsets.ISO_8859_1).startsWith("SIP/2.0 503 "), "a new transaction is refused");
    }

    @Test
    void whenTheParserFallsBehindANewCallIsOverloaded() {
        String answer = new String(judge(invite("+442079460000", ""), 301), StandardCharsets.ISO_8859_1);
        assertTrue(answer.startsWith("SIP/2.0 503 Overloaded\r\n"), answer);
        assertEquals(1, overload.shedCalls());
    }

    @Test
    void emergencyCallsReInvitesAndTheUnreadableGoOnToTheParser() {
        overload.neverShed(Set.of("911"));
        atTheLimit();
        assertNull(judge(invite("911", ""), 5000), "a priority dial string");
        assertNull(judge(invite("+442079460000", ";tag=b2"), 5000), "in a dialog");
        assertNull(judge(invite("+442079460000", "").replace("\r\nMax-Forwards", "\r\n Max-Forwards"), 5000),
                "a folded line");
        assertNull(judge(invite("+442079460000", "").replace("CSeq: 7 INVITE", "CSeq: 7 ACK"), 5000), "CSeq");
        assertNull(judge("OPTIONS sip:x@192.0.2.9 SIP/2.0\r\n\r\n", 5000));
        assertNull(judge("SIP/2.0 200 OK\r\n\r\n", 5000));
    }

    @Test
    void aSourceTheSideDoesNotAdmitIsDroppedUnanswered() {
        EarlyShedding strict = new EarlyShedding(overload, (address, port, source, agent) -> false);
        atTheLimit();
        byte[] bytes = invite("+442079460000", "").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, strict.judge(bytes, bytes.length, 0, PEER, "127.0.0.1", 5060).length);
    }

    @Test
    void theAckForAnAnswerGivenHereIsDroppedAndAnyOtherPasses() {
        String ack = "ACK sip:+442079460000@192.0.2.9 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1\r\n"
                + "From: <sip:alice@192.0.2.1>;tag=a1\r\nTo: <sip:+442079460000@192.0.2.9>;tag=%s\r\n"
                + "Call-ID: call-1@192.0.2.1\r\nCSeq: 7 ACK\r\nContent-Length: 0\r\n\r\n";
        assertEquals(0, judge(ack.formatted("shed5a1b"), 0).length);
        assertNull(judge(ack.formatted("b2"), 0));
    }
}
