package org.opencg.sip.sbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trunk's codec list ({@code opencg.sbc.trunk.<t>.codecs}): what the operator's side is offered, in order of
 * preference, anything else transcoded by rtpengine; empty passes on what the other side offered. Names are
 * rtpengine's (its codec names are case-sensitive), so a misspelt one is refused at start, not at the first call.
 */
final class OperatorCodecs {

    /** The codecs rtpengine 10.5 can encode (ffmpeg/bcg729 backed), by lower-case name. */
    private static final Map<String, String> KNOWN = new TreeMap<>();

    static {
        for (String name : List.of("PCMA", "PCMU", "G722", "G729", "G723", "GSM", "AMR", "AMR-WB", "opus", "speex",
                "iLBC", "telephone-event", "CN")) {
            KNOWN.put(name.toLowerCase(java.util.Locale.ROOT), name);
        }
    }

    private OperatorCodecs() {
    }

    /** @throws IllegalArgumentException naming a codec rtpengine does not know */
    static List<String> parse(String list) {
        List<String> codecs = new ArrayList<>();
        for (String item : list.split(",")) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            String known = KNOWN.get(name.toLowerCase(java.util.Locale.ROOT));
            if (known == null) {
                throw new IllegalArgumentException("'" + name + "' is not a codec rtpengine transcodes (one of "
                        + String.join(", ", KNOWN.values()) + ")");
            }
            codecs.add(known);
        }
        return List.copyOf(codecs);
    }
}
