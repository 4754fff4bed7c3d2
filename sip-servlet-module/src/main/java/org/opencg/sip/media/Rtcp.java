package org.opencg.sip.media;

/**
 * How RTCP goes toward a side that takes plain RTP (an operator trunk): on its own port (RFC 3550, what most cores
 * expect), multiplexed with RTP (RFC 5761), or on its own port with no {@code a=rtcp} line (RFC 3605), for cores
 * that refuse an SDP carrying one.
 */
public enum Rtcp { SEPARATE, MUX, NO_ATTRIBUTE }
