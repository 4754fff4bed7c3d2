package org.opencg.sip.sbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites an SDP body (RFC 8866) for a peer's {@link SdpPolicy}, as a pure function: attribute lines the peer must
 * not see are removed everywhere; in each audio section, payload types whose codec the peer does not take are removed
 * from the m= line together with their rtpmap, fmtp and rtcp-fb lines. Payload types are kept in the offerer's order
 * (RFC 3264 §5.1: it is the offerer's preference). Audio with no codec left is reported, so the B2BUA answers 488
 * rather than send an offer the peer cannot answer. Line endings become CRLF.
 */
public final class SdpNormaliser {

    /** The rewritten body, and whether an audio section with at least one codec besides events/CN is left. */
    public record Result(String sdp, boolean audioUsable) {
    }

    /** RFC 3551 static payload types (and CN, RFC 3389), for sections that give no rtpmap for them. */
    private static final Map<String, String> STATIC = Map.of("0", "PCMU", "3", "GSM", "4", "G723", "8", "PCMA",
            "9", "G722", "13", "CN", "18", "G729");
    private static final Set<String> NOT_VOICE = Set.of("TELEPHONE-EVENT", "CN");
    /** Splits "a=rtpmap:" values ("8 PCMA/8000"); compiled once: String.split compiles a character class per call. */
    private static final Pattern RTPMAP_FIELDS = Pattern.compile("[ /]");

    private SdpNormaliser() {
    }

    public static Result normalise(String sdp, SdpPolicy policy) {
        List<String> lines = sdp.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        StringBuilder out = new StringBuilder(sdp.length());
        boolean audioUsable = false;
        int start = 0;
        while (start < lines.size()) {
            int end = start + 1;
            while (end < lines.size() && !lines.get(end).startsWith("m=")) {
                end++;
            }
            List<String> section = lines.subList(start, end);
            if (section.get(0).startsWith("m=audio ")) {
                List<String> kept = audio(section, policy);
                audioUsable |= kept != null;
                for (String line : kept == null ? section : kept) {
                    out.append(line).append("\r\n");
                }
            } else {
                for (String line : section) {
                    if (!dropped(line, policy)) {
                        out.append(line).append("\r\n");
                    }
                }
            }
            start = end;
        }
        return new Result(out.toString(), audioUsable);
    }

    /** An audio section for the peer, or null when none of its voice codecs is one the peer takes. */
    private static List<String> audio(List<String> section, SdpPolicy policy) {
        String[] media = section.get(0).split(" ");
        if (media.length < 4) {
            return null;
        }
        Map<String, String> encodings = new HashMap<>();
        for (String line : section) {
            if (line.startsWith("a=rtpmap:")) {
                String[] parts = RTPMAP_FIELDS.split(line.substring(9));
                if (parts.length >= 2) {
                    encodings.put(parts[0], parts[1]);
                }
            }
        }
        Set<String> keep = new LinkedHashSet<>();
        boolean voice = false;
        for (int i = 3; i < media.length; i++) {
            String encoding = encodings.getOrDefault(media[i], STATIC.get(media[i]));
            if (encoding != null && policy.takes(encoding)) {
                keep.add(media[i]);
                voice |= !NOT_VOICE.contains(encoding.toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (!voice) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        kept.add(String.join(" ", media[0], media[1], media[2]) + " " + String.join(" ", keep));
        for (String line : section.subList(1, section.size())) {
            String pt = payloadOf(line);
            if (!dropped(line, policy) && (pt == null || keep.contains(pt))) {
                kept.add(line);
            }
        }
        return kept;
    }

    /** The payload type an rtpmap, fmtp or rtcp-fb line is about, or null for any other line. */
    private static String payloadOf(String line) {
        for (String prefix : new String[] {"a=rtpmap:", "a=fmtp:", "a=rtcp-fb:"}) {
            if (line.startsWith(prefix)) {
                int space = line.indexOf(' ', prefix.length());
                return line.substring(prefix.length(), space < 0 ? line.length() : space);
            }
        }
        return null;
    }

    private static boolean dropped(String line, SdpPolicy policy) {
        if (!line.startsWith("a=")) {
            return false;
        }
        int colon = line.indexOf(':');
        return policy.droppedAttributes().contains(colon < 0 ? line.substring(2) : line.substring(2, colon));
    }
}
