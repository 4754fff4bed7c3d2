package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

/** What the test-call user agent reads of the gateway's answers, and where it places its calls. */
class SyntheticCallTest {

    private static final String OK = "SIP/2.0 200 OK\r\nTo: <sip:+442079461102@127.0.0.1;user=phone>;tag=as1f\r\n"
            + "CSeq: 1 INVITE\r\nContent-Type: application/sdp\r\n\r\nv=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n"
            + "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 41002 RTP/AVP 8\r\n";

    @Test
    void theAnswerSaysWhereItsAudioGoesAndWhichDialogItIs() {
        assertEquals(new InetSocketAddress("127.0.0.1", 41002), SyntheticCall.mediaOf(OK));
        assertNull(SyntheticCall.mediaOf(OK.replace("m=audio 41002", "m=audio 0")), "a refused stream");
        assertNull(SyntheticCall.mediaOf("SIP/2.0 200 OK\r\n\r\n"), "no SDP");
        assertEquals("as1f", SyntheticCall.tagOf(OK));
        assertEquals("1 INVITE", SyntheticCall.cseqOf(OK));
    }

    @Test
    void callsGoInThroughTheOperatorSidesUdpListeningPoint() {
        assertEquals(new InetSocketAddress("127.0.0.1", 5060),
                TestCallSettings.udpPoint("tls:127.0.0.1:5061, udp:127.0.0.1:5060,tcp:127.0.0.1:5060"));
        assertNull(TestCallSettings.udpPoint("tls:127.0.0.1:5061"), "no UDP: no runner");
        assertNull(TestCallSettings.udpPoint(""));
    }
}
