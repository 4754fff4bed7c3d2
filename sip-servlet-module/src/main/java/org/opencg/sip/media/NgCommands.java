package org.opencg.sip.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * rtpengine ng commands (https://rtpengine.readthedocs.io, "ng control protocol") for a B2BUA's call, as pure
 * functions: the SDP of one side goes in, the flags say what the other side ({@link MediaSide}) gets.
 * One rtpengine call per B2BUA call: the first leg's Call-ID, the caller's tag and the callee's tag.
 */
public final class NgCommands {

    /**
     * SDES suites rtpengine 10.5 offers besides {@code AES_CM_128_HMAC_SHA1_80}. Teams and Zoom take that one
     * (acg-behaviour.md §3.7), and a dozen crypto lines only lengthen the offer; 10.5 has "no-" but not "only-".
     */
    static final List<String> OTHER_SDES_SUITES = List.of("AEAD_AES_256_GCM", "AEAD_AES_128_GCM",
            "AES_256_CM_HMAC_SHA1_80", "AES_256_CM_HMAC_SHA1_32", "AES_192_CM_HMAC_SHA1_80", "AES_192_CM_HMAC_SHA1_32",
            "AES_CM_128_HMAC_SHA1_32", "F8_128_HMAC_SHA1_80", "F8_128_HMAC_SHA1_32", "NULL_HMAC_SHA1_80",
            "NULL_HMAC_SHA1_32");

    private static final String TELEPHONE_EVENT = "telephone-event";

    private NgCommands() {
    }

    /** An SDP offer from the side with {@code fromTag}, made into one for {@code toward}. */
    public static Map<String, Object> offer(String callId, String fromTag, String sdp, MediaSide toward) {
        Map<String, Object> command = base("offer", callId, fromTag, sdp, toward);
        List<String> codecs = toward.keysAsTones() ? toward.codecs().stream()
                .filter(codec -> !codec.equalsIgnoreCase(TELEPHONE_EVENT)).toList() : toward.codecs();
        if (!codecs.isEmpty()) {
            // The other side sees only its own codecs: first those the offerer also has, in the offerer's order (so
            // that the answer picks one rtpengine passes straight through), then the rest, which rtpengine
            // transcodes. The offerer's other codecs are masked, not stripped: rtpengine may still decode them.
            command.put("codec", Map.of("mask", List.of("all"), "except", codecs, "transcode", codecs));
        } else if (toward.keysAsTones()) {
            command.put("codec", Map.of("mask", List.of(TELEPHONE_EVENT)));
        }
        return command;
    }

    /** The SDP answer from the side with {@code toTag} to an offer from {@code fromTag}, made for {@code toward}. */
    public static Map<String, Object> answer(String callId, String fromTag, String toTag, String sdp,
            MediaSide toward) {
        Map<String, Object> command = base("answer", callId, fromTag, sdp, toward);
        command.put("to-tag", toTag);
        return command;
    }

    /**
     * A DTMF event injected into the media the party with {@code fromTag} sends (rtpengine sends it to the other
     * party as RFC 4733 events, or as tones to one without telephone-event). Needs {@link MediaSide#decodeAudio()}.
     */
    public static Map<String, Object> playDtmf(String callId, String fromTag, char digit, int durationMs) {
        return Map.of("command", "play DTMF", "call-id", callId, "from-tag", fromTag, "code", String.valueOf(digit),
                "duration", (long) durationMs);
    }

    /**
     * Plays {@code media} (a WAV file's bytes) {@code times} over to the party with {@code tag}, in place of what
     * the other party sends it (rtpengine encodes it with that party's codec). Needs rtpengine with transcoding.
     */
    public static Map<String, Object> playMedia(String callId, String tag, byte[] media, int times) {
        return Map.of("command", "play media", "call-id", callId, "from-tag", tag, "blob", media,
                "repeat-times", (long) times);
    }

    /** Ends what {@link #playMedia} started; the party hears the other again. */
    public static Map<String, Object> stopMedia(String callId, String tag) {
        return Map.of("command", "stop media", "call-id", callId, "from-tag", tag);
    }

    public static Map<String, Object> query(String callId) {
        return Map.of("command", "query", "call-id", callId);
    }

    /**
     * Ends the call in rtpengine now: by default it keeps a deleted call's ports for 30 s (its delete-delay), which
     * at 100 calls/s holds 12,000 ports of calls already over and runs a default port range dry.
     */
    public static Map<String, Object> delete(String callId) {
        return Map.of("command", "delete", "call-id", callId, "delete-delay", 0L);
    }

    private static Map<String, Object> base(String name, String callId, String fromTag, String sdp, MediaSide toward) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("command", name);
        command.put("call-id", callId);
        command.put("from-tag", fromTag);
        command.put("sdp", sdp);
        command.put("transport-protocol", toward.srtp() ? "RTP/SAVP" : "RTP/AVP");
        command.put("ICE", "remove"); // no media bypass: candidates would only leak addresses
        command.put("DTLS", "off"); // SDES only between SBC and Microsoft's media processors
        List<String> sdes = new ArrayList<>();
        if (toward.srtp()) {
            OTHER_SDES_SUITES.forEach(suite -> sdes.add("no-" + suite));
        } else {
            sdes.add("off");
        }
        command.put("SDES", sdes);
        if (!toward.srtp()) {
            // RTCP on its own port toward the operator, whose cores often cannot multiplex it (RFC 5761), unless its
            // trunk asks for multiplexing.
            command.put("rtcp-mux", List.of(toward.rtcp() == Rtcp.MUX ? "offer" : "demux"));
        }
        if (toward.ptime() > 0) {
            command.put("ptime", (long) toward.ptime());
        }
        // The origin and connection lines name rtpengine: neither side learns the other's media address.
        command.put("replace", List.of("origin", "session-connection"));
        if (toward.tos() > 0) {
            command.put("TOS", (long) toward.tos());
        }
        // A party keeps the ports it was given when the other end's address changes: a forked call answered by
        // another endpoint than the one with early media, a ringback stand-in replaced by the real answer. RFC 3261
        // §13.2.1 lets a caller ignore SDP after the first it got, so its ports must not move.
        List<String> flags = new ArrayList<>(List.of("port-latching"));
        // Measured with 10.5: its always-transcode flag leaves a stream whose codec both sides share passed through
        // (and a passed-through stream's gaps stay gaps); inject-DTMF decodes it.
        if (toward.decodeAudio()) {
            flags.add("inject-DTMF");
        }
        if (!toward.srtp() && toward.rtcp() == Rtcp.NO_ATTRIBUTE) {
            flags.add("no-rtcp-attribute");
        }
        command.put("flags", flags);
        return command;
    }
}
