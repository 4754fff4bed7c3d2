package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencg.sip.media.Rtcp;

class TrunkSdpTest {

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nb=CT:1000\r\nt=0 0\r\n"
            + "m=audio 5004 RTP/AVP 8 101\r\nc=IN IP4 10.0.0.1\r\nb=AS:200\r\na=rtpmap:8 PCMA/8000\r\n"
            + "m=video 5006 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";

    @Test
    void eachMediaSectionGetsOneBandwidthLineInItsPlace() {
        String out = new TrunkSdp(0, 64, Rtcp.SEPARATE).withBandwidth(SDP);
        assertEquals("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nb=CT:1000\r\nt=0 0\r\n"
                + "m=audio 5004 RTP/AVP 8 101\r\nc=IN IP4 10.0.0.1\r\nb=AS:64\r\na=rtpmap:8 PCMA/8000\r\n"
                + "m=video 5006 RTP/AVP 96\r\nb=AS:64\r\na=rtpmap:96 H264/90000\r\n", out);
        assertEquals("v=0\nm=audio 1 RTP/AVP 0\nb=AS:80", new TrunkSdp(0, 80, Rtcp.SEPARATE)
                .withBandwidth("v=0\nm=audio 1 RTP/AVP 0"), "a section that ends the SDP");
        assertEquals(SDP, TrunkSdp.NONE.withBandwidth(SDP), "no bandwidth: as it was");
    }

    @Test
    void aPtimeOrBandwidthACoreCannotUseIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrunkSdp(25, 0, Rtcp.SEPARATE))
                .getMessage().contains("10 to 120 ms"));
        assertThrows(IllegalArgumentException.class, () -> new TrunkSdp(0, -1, Rtcp.SEPARATE));
        assertEquals(30, new TrunkSdp(30, 0, Rtcp.MUX).ptime());
    }

    @Test
    void eachAudioSectionSaysTheTrunksPtimeOnce() {
        TrunkSdp thirty = new TrunkSdp(30, 0, Rtcp.SEPARATE);
        assertEquals("v=0\r\nm=audio 5004 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=ptime:30\r\n"
                + "m=video 5006 RTP/AVP 96\r\na=ptime:20\r\n",
                thirty.withPtime("v=0\r\nm=audio 5004 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=ptime:20\r\na=ptime:40\r\n"
                        + "m=video 5006 RTP/AVP 96\r\na=ptime:20\r\n"), "audio only, once, in place");
        assertEquals("v=0\r\nm=audio 5004 RTP/AVP 8\r\na=ptime:30\r\n",
                thirty.withPtime("v=0\r\nm=audio 5004 RTP/AVP 8\r\n"), "added where there was none");
        assertEquals("v=0\nm=audio 1 RTP/AVP 0\nb=AS:64\na=ptime:30", new TrunkSdp(30, 64, Rtcp.SEPARATE)
                .applied("v=0\nm=audio 1 RTP/AVP 0"));
    }
}
