package org.opencg.sip.sbc;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What SDP a peer takes, as data (acg-behaviour.md §3.7): the audio codecs it uses, in order of preference, and the
 * attribute lines it must not see. Teams' published rules: no ICE toward a non-bypass trunk (Teams' SDP may pass
 * 1,500 bytes with candidates), codecs among SILK, G.711, G.722, G.729, with telephone-event and CN.
 */
public record SdpPolicy(List<String> codecs, Set<String> droppedAttributes) {

    /** ICE (RFC 8839) lines: meaningless without media bypass, and the bulk of an oversized offer. */
    public static final Set<String> ICE = Set.of("candidate", "ice-ufrag", "ice-pwd", "ice-options", "ice-lite",
            "ice-mismatch", "ice-pacing", "remote-candidates", "end-of-candidates");

    /** The Microsoft Teams leg without media bypass. */
    public static final SdpPolicy TEAMS = new SdpPolicy(
            List.of("SILK", "G722", "PCMU", "PCMA", "G729", "telephone-event", "CN"), ICE);

    /** Zoom Phone Cloud Peering (acg-behaviour.md §3.13): Opus, G.722, G.711. */
    public static final SdpPolicy ZOOM = new SdpPolicy(
            List.of("opus", "G722", "PCMU", "PCMA", "telephone-event", "CN"), ICE);

    /** The operator leg: any codec the far side offered (media anchoring restricts them, issue 6), no ICE. */
    public static final SdpPolicy OPERATOR = new SdpPolicy(List.of(), ICE);

    public SdpPolicy {
        codecs = codecs.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        droppedAttributes = Set.copyOf(droppedAttributes);
    }

    /** Is this codec (an rtpmap encoding name, e.g. {@code PCMA}) one the peer takes? An empty list takes any. */
    public boolean takes(String encoding) {
        return codecs.isEmpty() || codecs.contains(encoding.toUpperCase(Locale.ROOT));
    }
}
