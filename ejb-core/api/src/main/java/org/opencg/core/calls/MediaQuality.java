package org.opencg.core.calls;

/**
 * How a call's media went, from the media anchor's statistics (rtpengine {@code query} at the end of the call).
 *
 * @param packets      RTP packets relayed, both directions
 * @param lostPercent  packets lost as reported by the ends' RTCP, in percent of those sent; null without RTCP
 * @param jitterMs     the worst average interarrival jitter an end reported, in ms; null without RTCP
 * @param mos          the lowest average MOS (1.0–4.5) rtpengine estimated for a stream; null without RTCP
 */
public record MediaQuality(long packets, Double lostPercent, Double jitterMs, Double mos) {
}
