package org.opencg.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.opencg.core.calls.MediaQuality;
import org.junit.jupiter.api.Test;

/** The media rules as pure functions: ng commands per side, quality from a query, an offer for an offerless caller. */
class MediaRulesTest {

    private static final MediaSide TEAMS = new MediaSide(true, List.of("G722", "PCMU", "PCMA"), 184);
    private static final MediaSide OPERATOR = new MediaSide(false, List.of(), 0);

    @Test
    void anOfferTowardTeamsIsSrtpWithOneSuiteAndTeamsCodecsPassedThroughFirst() {
        Map<String, Object> offer = NgCommands.offer("c1", "t1", "v=0", TEAMS);
        assertEquals("offer", offer.get("command"));
        assertEquals("RTP/SAVP", offer.get("transport-protocol"));
        @SuppressWarnings("unchecked")
        List<String> sdes = (List<String>) offer.get("SDES");
        assertEquals(NgCommands.OTHER_SDES_SUITES.size(), sdes.size());
        assertFalse(sdes.contains("no-AES_CM_128_HMAC_SHA1_80"), "the suite Teams takes stays");
        assertEquals(Map.of("mask", List.of("all"), "except", TEAMS.codecs(), "transcode", TEAMS.codecs()),
                offer.get("codec"));
        assertEquals("remove", offer.get("ICE"));
        assertEquals(184L, offer.get("TOS"));
        assertNull(offer.get("rtcp-mux"), "Teams may multiplex RTCP");
    }

    @Test
    void anAnswerTowardTheOperatorIsPlainRtpWithRtcpApartAndNamesBothTags() {
        Map<String, Object> answer = NgCommands.answer("c1", "t1", "t2", "v=0", OPERATOR);
        assertEquals("RTP/AVP", answer.get("transport-protocol"));
        assertEquals(List.of("off"), answer.get("SDES"));
        assertEquals(List.of("demux"), answer.get("rtcp-mux"));
        assertEquals("t1", answer.get("from-tag"));
        assertEquals("t2", answer.get("to-tag"));
        assertNull(answer.get("codec"), "whatever the operator was offered");
        assertNull(answer.get("TOS"), "unmarked when no DSCP is set");
    }

    @Test
    void aCoreThatTakesKeysAsTonesIsOfferedNoTelephoneEvent() {
        MediaSide anyCodec = new MediaSide(false, List.of(), 0, false, 0, Rtcp.SEPARATE, true);
        assertEquals(Map.of("mask", List.of("telephone-event")), NgCommands.offer("c", "a", "v=0", anyCodec)
                .get("codec"));
        MediaSide someCodecs = new MediaSide(false, List.of("PCMA", "telephone-event"), 0, false, 0, Rtcp.SEPARATE,
                true);
        assertEquals(Map.of("mask", List.of("all"), "except", List.of("PCMA"), "transcode", List.of("PCMA")),
                NgCommands.offer("c", "a", "v=0", someCodecs).get("codec"));
        assertNull(NgCommands.offer("c", "a", "v=0", OPERATOR).get("codec"), "any codec, events included");
    }

    @Test
    void qualityComesFromTotalsAndTheWorstReportedStream() {
        Map<String, Object> query = Map.of("totals", Map.of("RTP", Map.of("packets", 980L)),
                "SSRC", Map.of("1", Map.of("average MOS", Map.of("MOS", 43L, "jitter", 2L), "cumulative loss", 10L),
                        "2", Map.of("average MOS", Map.of("MOS", 38L, "jitter", 9L), "cumulative loss", 10L)));
        MediaQuality quality = QualityReport.of(query);
        assertEquals(980, quality.packets());
        assertEquals(3.8, quality.mos(), 1e-9);
        assertEquals(9.0, quality.jitterMs(), 1e-9);
        assertEquals(2.0, quality.lostPercent(), 1e-9);
    }

    @Test
    void withoutRtcpOnlyPacketsAreKnown() {
        MediaQuality quality = QualityReport.of(Map.of("totals", Map.of("RTP", Map.of("packets", 5L)), "SSRC", Map.of()));
        assertEquals(new MediaQuality(5, null, null, null), quality);
    }

    @Test
    void rtpenginesDtmfEventsAreReadFromItsJson() {
        assertEquals(java.util.Optional.of(new DtmfEvent("c\"1", "B", '#', 200)), DtmfEvent.parse("{\"callid\":\"c\\\"1\","
                + "\"source_tag\":\"B\",\"tags\":[\"A\",\"B\"],\"type\":\"DTMF\",\"timestamp\":1795334147,"
                + "\"source_ip\":\"127.0.0.1\",\"event\":11,\"duration\":200,\"volume\":10}"));
        assertEquals(java.util.Optional.empty(), DtmfEvent.parse("{\"callid\":\"c\",\"source_tag\":\"B\","
                + "\"type\":\"DTMF\",\"event\":16}"), "not a key");
        assertEquals(java.util.Optional.empty(), DtmfEvent.parse("garbage"));
    }

    @Test
    void aDeletedCallLeavesRtpengineAtOnce() {
        assertEquals(0L, NgCommands.delete("c1").get("delete-delay"));
    }

    @Test
    void playDtmfNamesTheSendingParty() {
        assertEquals(Map.of("command", "play DTMF", "call-id", "c1", "from-tag", "op", "code", "5", "duration", 160L),
                NgCommands.playDtmf("c1", "op", '5', 160));
        assertEquals(List.of("port-latching", "inject-DTMF"), NgCommands.offer("c1", "op", "v=0",
                new MediaSide(true, List.of(), 0, true)).get("flags"));
    }

    @Test
    void aCallWhoseGapsAreFilledIsDecodedByRtpengine() {
        assertEquals(List.of("port-latching", "inject-DTMF"), NgCommands.answer("c1", "op", "teams", "v=0",
                new MediaSide(true, List.of(), 0, true)).get("flags"));
        assertEquals(List.of("port-latching"), NgCommands.offer("c1", "op", "v=0", TEAMS).get("flags"),
                "other calls keep the codec the sides share untouched");
    }

    @Test
    void anOfferForACallerWithoutOneNamesItsAddressAndTheDiscardPort() {
        String sdp = OfferTemplate.offer("192.0.2.7", List.of("PCMA", "PCMU", "telephone-event", "AMR"));
        assertTrue(sdp.contains("c=IN IP4 192.0.2.7\r\n"), sdp);
        assertTrue(sdp.contains("m=audio 9 RTP/AVP 8 0 101\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n"), sdp);
        assertFalse(sdp.contains("AMR"), "no payload type known for it");
    }

    @Test
    void aStandInAnswerIsTheOfferAtTheDiscardPort() {
        String offer = "v=0\r\nc=IN IP4 203.0.113.5\r\nm=audio 40012 RTP/SAVP 8 101\r\na=crypto:1 x\r\n"
                + "m=video 40014 RTP/AVP 96\r\n";
        assertEquals("v=0\r\nc=IN IP4 203.0.113.5\r\nm=audio 9 RTP/SAVP 8 101\r\na=crypto:1 x\r\n"
                + "m=video 9 RTP/AVP 96\r\n", OfferTemplate.standIn(offer));
    }

    @Test
    void aTrunksPtimeAndRtcpRulesReachRtpengine() {
        Map<String, Object> tuned = NgCommands.offer("c", "a", "v=0", new MediaSide(false, List.of(), 0, true, 30,
                Rtcp.NO_ATTRIBUTE));
        assertEquals(30L, tuned.get("ptime"));
        assertEquals(List.of("demux"), tuned.get("rtcp-mux"));
        assertTrue(((List<?>) tuned.get("flags")).contains("no-rtcp-attribute"), tuned.toString());
        Map<String, Object> muxed = NgCommands.answer("c", "a", "b", "v=0", new MediaSide(false, List.of(), 0, false, 0,
                Rtcp.MUX));
        assertEquals(List.of("offer"), muxed.get("rtcp-mux"));
        assertFalse(muxed.containsKey("ptime"), "no ptime rule: the other side's");
        assertFalse(((List<?>) NgCommands.offer("c", "a", "v=0", OPERATOR).get("flags")).contains("no-rtcp-attribute"));
    }
}
