package org.opencg.sip.sbc;

import java.util.List;

import org.opencg.core.calls.CallRecord;
import org.opencg.core.calls.MediaQuality;
import org.opencg.sip.media.MediaAnchor;
import org.opencg.sip.media.MediaSide;
import org.opencg.sip.media.RtpengineException;

/**
 * Every SDP of a call on its way to the other leg: through the media anchor when calls are anchored (rtpengine
 * makes it SRTP or RTP, with the codecs of the side it goes to, and its own addresses in it), then through the
 * side's SDP policy (acg-behaviour.md §3.7). rtpengine knows the call by the caller leg's Call-ID and the tags of
 * the caller and the callee: one rtpengine call across the B2BUA's two dialogs.
 */
final class CallMedia {

    private final MediaAnchor anchor;
    private final int tos;

    /** @param anchor null when media flows end to end ({@code opencg.media.anchor=false}) */
    CallMedia(MediaAnchor anchor, int tos) {
        this.anchor = anchor;
        this.tos = tos;
    }

    boolean anchored() {
        return anchor != null;
    }

    /**
     * An offer from one party of the call, for the other.
     *
     * @throws RtpengineException when the anchor is away or refuses the SDP
     */
    String offer(Call call, boolean fromCaller, String sdp) {
        boolean toMicrosoft = towardMicrosoft(call, fromCaller);
        String out = sdp;
        if (anchor != null) {
            call.anchored = true;
            out = anchor.offer(call.callerInvite.getCallId(), fromCaller ? call.callerTag() : call.calleeTag, sdp,
                    side(call, toMicrosoft));
        }
        return SdpNormaliser.normalise(out, policy(call, toMicrosoft)).sdp();
    }

    /**
     * The answer of one party to the other's offer.
     *
     * @throws RtpengineException when the anchor is away or refuses the SDP
     */
    String answer(Call call, boolean fromCaller, String sdp) {
        boolean toMicrosoft = towardMicrosoft(call, fromCaller);
        String out = sdp;
        if (anchor != null && call.anchored) {
            String caller = call.callerTag();
            String callId = call.callerInvite.getCallId();
            MediaSide toward = side(call, toMicrosoft);
            out = fromCaller ? anchor.answer(callId, call.calleeTag, caller, sdp, toward)
                    : anchor.answer(callId, caller, call.calleeTag, sdp, toward);
        }
        return SdpNormaliser.normalise(out, policy(call, toMicrosoft)).sdp();
    }

    /** Releases the call's media; how it went, or null for a call whose media was never anchored. */
    MediaQuality end(Call call) {
        return anchor != null && call.anchored ? anchor.end(call.callerInvite.getCallId()) : null;
    }

    /** The callee of a call to Microsoft, or the caller of a call from it, is on the Microsoft side. */
    private static boolean towardMicrosoft(Call call, boolean fromCaller) {
        return CallRecord.TO_MICROSOFT.equals(call.direction) == fromCaller;
    }

    /**
     * Whether a SIP INFO from this party is turned into RFC 4733 events (its trunk sends DTMF as INFO, and the
     * call's media is anchored, so that rtpengine can inject them).
     */
    boolean takesDtmfInfo(Call call, boolean fromCaller) {
        return anchor != null && call.anchored && call.dtmfInfo && towardMicrosoft(call, fromCaller);
    }

    /**
     * The key press in the media the party sends, as RFC 4733 events to the other party.
     *
     * @throws RtpengineException when the anchor is away or cannot inject
     */
    void playDtmf(Call call, boolean fromCaller, DtmfInfo.Digit digit) {
        anchor.playDtmf(call.callerInvite.getCallId(), fromCaller ? call.callerTag() : call.calleeTag, digit.key(),
                digit.durationMs());
    }

    /** The tag rtpengine knows the Microsoft party of the call by (its DTMF events name it as their source). */
    static String microsoftTag(Call call) {
        return CallRecord.TO_MICROSOFT.equals(call.direction) ? call.calleeTag : call.callerTag();
    }

    /** The leg toward the operator's network. */
    static javax.servlet.sip.SipSession operatorLeg(Call call) {
        return CallRecord.TO_MICROSOFT.equals(call.direction) ? call.caller() : call.callee;
    }

    private MediaSide side(Call call, boolean toMicrosoft) {
        List<String> codecs = toMicrosoft ? policy(call, true).codecs() : List.of();
        return new MediaSide(toMicrosoft, codecs, tos, call.dtmfInfo);
    }

    private static SdpPolicy policy(Call call, boolean toMicrosoft) {
        if (!toMicrosoft) {
            return SdpPolicy.OPERATOR;
        }
        return CallRouting.Destination.ZOOM.service().property().equals(call.service) ? SdpPolicy.ZOOM : SdpPolicy.TEAMS;
    }
}
