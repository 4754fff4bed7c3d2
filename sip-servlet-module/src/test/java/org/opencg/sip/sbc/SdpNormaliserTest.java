package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** SDP toward Teams (acg-behaviour.md §3.7): ICE lines and codecs Teams will not use are removed. */
class SdpNormaliserTest {

    /** An offer as a WebRTC-ish operator client might send it: ICE, Opus first, video. */
    private static final String OFFER = String.join("\n",
            "v=0", "o=- 20518 0 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
            "a=ice-options:trickle",
            "m=audio 40000 RTP/SAVP 111 9 8 0 101 13",
            "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1", "a=rtcp-fb:111 transport-cc",
            "a=rtpmap:9 G722/8000", "a=rtpmap:8 PCMA/8000", "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16",
            "a=ice-ufrag:F7gI", "a=ice-pwd:x9cml/YzichV2+XlhiMu8g",
            "a=candidate:1 1 UDP 2130706431 192.0.2.10 40000 typ host",
            "a=candidate:2 1 UDP 1694498815 198.51.100.7 40000 typ srflx raddr 192.0.2.10 rport 40000",
            "a=end-of-candidates",
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^31",
            "a=rtcp-mux", "a=sendrecv",
            "m=video 40002 RTP/SAVP 96", "a=rtpmap:96 VP8/90000", "a=candidate:1 1 UDP 2130706431 192.0.2.10 40002 typ host",
            "");

    @Test
    void iceLinesAndUnusedCodecsAreRemovedAndTheRestKeptInOrder() {
        SdpNormaliser.Result result = SdpNormaliser.normalise(OFFER, SdpPolicy.TEAMS);
        assertTrue(result.audioUsable());
        List<String> lines = result.sdp().lines().toList();
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("a=candidate") || l.startsWith("a=ice-")
                || l.equals("a=end-of-candidates")), result.sdp());
        assertTrue(lines.contains("m=audio 40000 RTP/SAVP 9 8 0 101 13"), result.sdp());
        assertTrue(lines.stream().noneMatch(l -> l.contains("opus") || l.startsWith("a=fmtp:111")
                || l.startsWith("a=rtcp-fb:111")), result.sdp());
        assertTrue(lines.contains("a=fmtp:101 0-16"));
        assertTrue(lines.contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^31"));
        assertTrue(lines.contains("a=rtcp-mux"));
        assertTrue(lines.contains("m=video 40002 RTP/SAVP 96"), "other media pass, without ICE: " + result.sdp());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("c=")).count());
        assertTrue(result.sdp().endsWith("\r\n") && !result.sdp().contains("\r\n\r\n"));
        assertTrue(result.sdp().length() < OFFER.length());
    }

    @Test
    void audioWithoutACodecThePeerTakesIsReportedUnusable() {
        String opusOnly = "v=0\r\no=- 1 0 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 111 101\r\na=rtpmap:111 opus/48000/2\r\na=rtpmap:101 telephone-event/8000\r\n";
        assertFalse(SdpNormaliser.normalise(opusOnly, SdpPolicy.TEAMS).audioUsable(),
                "telephone-event alone is no voice codec");
        SdpPolicy opusPeer = new SdpPolicy(List.of("opus", "telephone-event"), Set.of());
        assertTrue(SdpNormaliser.normalise(opusOnly, opusPeer).audioUsable());
    }

    @Test
    void staticPayloadTypesWithoutRtpmapAreKnownByNumber() {
        String plain = "v=0\r\no=- 1 0 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 3 18 0\r\na=ptime:20\r\n";
        SdpNormaliser.Result result = SdpNormaliser.normalise(plain, SdpPolicy.TEAMS);
        assertTrue(result.sdp().contains("m=audio 4000 RTP/AVP 18 0\r\n"), result.sdp());
        assertTrue(result.sdp().contains("a=ptime:20\r\n"));
    }
}
