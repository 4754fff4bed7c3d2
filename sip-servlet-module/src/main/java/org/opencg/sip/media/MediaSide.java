package org.opencg.sip.media;

import java.util.List;

/**
 * What one side of a call takes for media, as rtpengine must make it for that side (acg-behaviour.md §3.7).
 *
 * @param srtp   SRTP with SDES {@code AES_CM_128_HMAC_SHA1_80} (Microsoft and Zoom legs), else plain RTP
 * @param codecs the codecs the side may be offered, in order of preference (rtpengine transcodes to them); empty
 *               passes on whatever the other side offered
 * @param tos    the IP TOS byte for the media sent to this side (DSCP shifted left by two), 0 leaves it unset
 * @param decodeAudio whether rtpengine runs the call's audio through its codec handler even where both sides share a
 *               codec (its inject-DTMF mode): it must to inject DTMF ({@code play DTMF}, for a trunk whose DTMF comes
 *               as SIP INFO) and to fill a gap in what a party sends with comfort noise (a core that stops sending in
 *               silence; its {@code --dtx-delay} and {@code --dtx-cn-params}, set by the launcher)
 * @param ptime  the packetisation interval in ms of the media sent to this side (rtpengine repacketises and says so
 *               in {@code a=ptime}), 0 keeps the other side's
 * @param rtcp   how RTCP goes to a plain-RTP side (an SRTP side multiplexes as Microsoft's media processors do)
 * @param keysAsTones whether the side takes its keys as tones in the audio only: it is offered no telephone-event,
 *               so rtpengine plays the other side's RFC 4733 events to it as tones
 */
public record MediaSide(boolean srtp, List<String> codecs, int tos, boolean decodeAudio, int ptime, Rtcp rtcp,
        boolean keysAsTones) {

    public MediaSide {
        codecs = List.copyOf(codecs);
    }

    public MediaSide(boolean srtp, List<String> codecs, int tos, boolean decodeAudio, int ptime, Rtcp rtcp) {
        this(srtp, codecs, tos, decodeAudio, ptime, rtcp, false);
    }

    public MediaSide(boolean srtp, List<String> codecs, int tos, boolean decodeAudio) {
        this(srtp, codecs, tos, decodeAudio, 0, Rtcp.SEPARATE);
    }

    public MediaSide(boolean srtp, List<String> codecs, int tos) {
        this(srtp, codecs, tos, false);
    }
}
