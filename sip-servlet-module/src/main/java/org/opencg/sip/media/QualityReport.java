package org.opencg.sip.media;

import java.util.Map;

import org.opencg.core.calls.MediaQuality;

/**
 * Reads a call's media quality from rtpengine's {@code query} reply: packets from {@code totals}; loss, jitter and
 * MOS from the per-SSRC statistics rtpengine builds out of the ends' RTCP reports (absent without RTCP).
 * rtpengine reports MOS times ten and jitter in milliseconds.
 */
public final class QualityReport {

    private QualityReport() {
    }

    public static MediaQuality of(Map<String, Object> query) {
        long packets = number(path(query, "totals", "RTP", "packets"), 0);
        Map<String, Object> ssrcs = map(query.get("SSRC"));
        Double mos = null;
        Double jitter = null;
        long lost = 0;
        boolean reported = false;
        for (Object value : ssrcs.values()) {
            Map<String, Object> ssrc = map(value);
            Map<String, Object> average = map(ssrc.get("average MOS"));
            if (average.isEmpty()) {
                continue;
            }
            reported = true;
            double streamMos = number(average.get("MOS"), 0) / 10.0;
            mos = mos == null ? streamMos : Math.min(mos, streamMos);
            double streamJitter = number(average.get("jitter"), 0);
            jitter = jitter == null ? streamJitter : Math.max(jitter, streamJitter);
            lost += number(ssrc.get("cumulative loss"), 0);
        }
        Double lostPercent = null;
        if (reported) {
            lostPercent = packets + lost > 0 ? 100.0 * lost / (packets + lost) : 0.0;
        }
        return new MediaQuality(packets, lostPercent, jitter, mos);
    }

    private static Object path(Map<String, Object> map, String... keys) {
        Object value = map;
        for (String key : keys) {
            value = map(value).get(key);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Number n ? n.longValue() : otherwise;
    }
}
