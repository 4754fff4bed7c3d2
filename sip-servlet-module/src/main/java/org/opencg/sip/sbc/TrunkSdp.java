package org.opencg.sip.sbc;

import java.util.ArrayList;
import java.util.List;

import org.opencg.sip.media.Rtcp;

/**
 * What a trunk's core needs of the SDP the gateway sends it (operator rules as data): the packetisation interval of
 * the media (rtpengine repacketises, {@code a=ptime}), a bandwidth line ({@code b=AS}, RFC 4566 §5.8, kbps) in each
 * media section, and how RTCP is offered. Pure: the bandwidth line is text work on an SDP.
 *
 * @param ptime         ms, 0: the other side's
 * @param bandwidthKbps 0: the SDP's own {@code b=} lines pass as they are
 */
public record TrunkSdp(int ptime, int bandwidthKbps, Rtcp rtcp) {

    public static final TrunkSdp NONE = new TrunkSdp(0, 0, Rtcp.SEPARATE);

    public TrunkSdp {
        if (ptime != 0 && (ptime < 10 || ptime > 120 || ptime % 10 != 0)) {
            throw new IllegalArgumentException("ptime " + ptime + " is not 10 to 120 ms in steps of 10");
        }
        if (bandwidthKbps < 0 || bandwidthKbps > 100_000) {
            throw new IllegalArgumentException("bandwidth " + bandwidthKbps + " is not 0 to 100000 kbps");
        }
    }

    /** The SDP for the trunk: its bandwidth line and its ptime, each only when the trunk has one. */
    public String applied(String sdp) {
        return withPtime(withBandwidth(sdp));
    }

    /**
     * The SDP with {@code a=ptime:<ms>} in each audio section, in place of its own: rtpengine sets it in offers and
     * repacketises, but keeps the answerer's in answers, and a core reads it either way.
     */
    public String withPtime(String sdp) {
        if (ptime == 0 || sdp == null) {
            return sdp;
        }
        String newline = sdp.contains("\r\n") ? "\r\n" : "\n";
        List<String> out = new ArrayList<>();
        boolean audio = false;
        boolean placed = false;
        for (String line : sdp.split("\r?\n", -1)) {
            if (line.startsWith("m=")) {
                if (audio && !placed) {
                    insertBeforeBlank(out, "a=ptime:" + ptime);
                }
                audio = line.startsWith("m=audio");
                placed = false;
            } else if (audio && line.startsWith("a=ptime:")) {
                if (!placed) {
                    out.add("a=ptime:" + ptime);
                    placed = true;
                }
                continue;
            }
            out.add(line);
        }
        if (audio && !placed) {
            insertBeforeBlank(out, "a=ptime:" + ptime);
        }
        return String.join(newline, out);
    }

    /** Adds a line at the end of the SDP, before the empty string its final line break leaves. */
    private static void insertBeforeBlank(List<String> out, String line) {
        int at = !out.isEmpty() && out.get(out.size() - 1).isEmpty() ? out.size() - 1 : out.size();
        out.add(at, line);
    }

    /**
     * The SDP with one {@code b=AS:<kbps>} line in each media section, in RFC 4566's place for it (after the
     * section's {@code i=} and {@code c=} lines) and in place of any it had; unchanged without a bandwidth.
     */
    public String withBandwidth(String sdp) {
        if (bandwidthKbps == 0 || sdp == null) {
            return sdp;
        }
        String newline = sdp.contains("\r\n") ? "\r\n" : "\n";
        List<String> out = new ArrayList<>();
        boolean inMedia = false;
        boolean placed = false;
        for (String line : sdp.split("\r?\n", -1)) {
            if (line.startsWith("m=")) {
                placeIfDue(out, inMedia, placed);
                inMedia = true;
                placed = false;
                out.add(line);
                continue;
            }
            if (inMedia && line.startsWith("b=")) {
                continue;
            }
            if (inMedia && !placed && !line.startsWith("i=") && !line.startsWith("c=")) {
                out.add("b=AS:" + bandwidthKbps);
                placed = true;
            }
            out.add(line);
        }
        placeIfDue(out, inMedia, placed);
        return String.join(newline, out);
    }

    private void placeIfDue(List<String> out, boolean inMedia, boolean placed) {
        if (inMedia && !placed) {
            out.add("b=AS:" + bandwidthKbps);
        }
    }
}
