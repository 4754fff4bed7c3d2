package org.opencg.sip.sbc;

import java.util.List;

import org.opencg.core.calls.CallRecord;
import org.opencg.core.calls.MediaQuality;
import org.opencg.sip.media.MediaAnchor;
import org.opencg.sip.media.MediaSide;
import org.opencg.sip.media.OfferTemplate;
import org.opencg.sip.media.RingbackTone;
import org.opencg.sip.media.RtpengineException;
import org.opencg.sip.media.SdpOrigin;

/**
 * Every SDP of a call on its way to the other leg: through the media anchor when calls are anchored (rtpengine
 * makes it SRTP or RTP, with the codecs of the side it goes to, and its own addresses in it), then through the
 * side's SDP policy (acg-behaviour.md §3.7). rtpengine knows the call by the caller leg's Call-ID and the tags of
 * the caller and the callee: one rtpengine call across the B2BUA's two dialogs.
 */
final class CallMedia {

    private final MediaAnchor anchor;
    private final int tos;
    private final RingbackTone ringback;
    private final byte[] ringbackWav;

    /** @param anchor null when media flows end to end ({@code opencg.media.anchor=false}) */
    CallMedia(MediaAnchor anchor, int tos, RingbackTone ringback) {
        this.anchor = anchor;
        this.tos = tos;
        this.ringback = ringback;
        this.ringbackWav = ringback.wav();
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
        return offer(call, fromCaller, sdp, towardMicrosoft(call, fromCaller));
    }

    /** An offer from one party of the call for a party on the given side (a transfer's target, not yet a party). */
    String offer(Call call, boolean fromCaller, String sdp, boolean toMicrosoft) {
        String out = sdp;
        if (anchor != null) {
            call.anchored = true;
            String tag = fromCaller ? call.callerTag() : call.calleeTag;
            call.sdpFrom.put(tag, sdp);
            out = anchor.offer(call.callerInvite.getCallId(), tag, fromParty(call, toMicrosoft, sdp),
                    side(call, toMicrosoft));
        }
        out = forSide(call, toMicrosoft, out);
        sentTo(call, fromCaller ? call.calleeTag : call.callerTag(), out);
        return out;
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
            call.sdpFrom.put(fromCaller ? caller : call.calleeTag, sdp);
            String in = fromParty(call, toMicrosoft, sdp);
            out = fromCaller ? anchor.answer(callId, call.calleeTag, caller, in, toward)
                    : anchor.answer(callId, caller, call.calleeTag, in, toward);
        }
        out = forSide(call, toMicrosoft, out);
        sentTo(call, fromCaller ? call.calleeTag : call.callerTag(), out);
        return out;
    }

    /**
     * A transfer target's answer ({@code targetTag}) to the offer made from the party that stays: the SDP for a
     * re-offer to that party, in its own session's origin (RFC 3264 §8).
     *
     * @throws RtpengineException when the anchor is away or refuses the SDP
     */
    String transferAnswer(Call call, boolean stayingIsCaller, String targetTag, boolean targetOnMicrosoft,
            String sdp) {
        String staying = stayingIsCaller ? call.callerTag() : call.calleeTag;
        boolean stayingOnMicrosoft = stayingIsCaller ? call.callerOnMicrosoft : call.calleeOnMicrosoft;
        call.sdpFrom.put(targetTag, sdp);
        return reofferTo(call, stayingIsCaller, anchor.answer(call.callerInvite.getCallId(), staying, targetTag,
                fromParty(call, !targetOnMicrosoft, sdp), side(call, stayingOnMicrosoft)));
    }

    /** rtpengine's SDP for the party that stays, as a re-offer in its own session's origin (RFC 3264 §8). */
    private String reofferTo(Call call, boolean stayingIsCaller, String rtpengineSdp) {
        String staying = stayingIsCaller ? call.callerTag() : call.calleeTag;
        boolean stayingOnMicrosoft = stayingIsCaller ? call.callerOnMicrosoft : call.calleeOnMicrosoft;
        String out = SdpOrigin.continueFrom(call.sdpTo.get(staying), forSide(call, stayingOnMicrosoft, rtpengineSdp));
        sentTo(call, staying, out);
        return out;
    }

    /**
     * An offer from a party that takes another's place (an INVITE with Replaces, its From-tag {@code newTag}) for the
     * party that stays: the SDP for a re-offer to it, in its own session's origin (RFC 3264 §8).
     *
     * @throws RtpengineException when the anchor is away or refuses the SDP
     */
    String replacementOffer(Call call, boolean stayingIsCaller, String newTag, String sdp) {
        boolean stayingOnMicrosoft = stayingIsCaller ? call.callerOnMicrosoft : call.calleeOnMicrosoft;
        call.sdpFrom.put(newTag, sdp);
        return reofferTo(call, stayingIsCaller, anchor.offer(call.callerInvite.getCallId(), newTag, sdp,
                side(call, stayingOnMicrosoft)));
    }

    /**
     * The staying party's answer to that re-offer: the SDP of the answer to the party that takes the other's place.
     *
     * @throws RtpengineException when the anchor is away or refuses the SDP
     */
    String replacementAnswer(Call call, boolean stayingIsCaller, String newTag, boolean newOnMicrosoft, String sdp) {
        String staying = stayingIsCaller ? call.callerTag() : call.calleeTag;
        call.sdpFrom.put(staying, sdp);
        String out = anchor.answer(call.callerInvite.getCallId(), newTag, staying, sdp, side(call, newOnMicrosoft));
        out = forSide(call, newOnMicrosoft, out);
        sentTo(call, newTag, out);
        return out;
    }

    /** Plays the ringback tone to a party (a transferee while the target rings), for at most {@code seconds}. */
    void playRingback(Call call, String tag, java.time.Duration limit) {
        anchor.play(call.callerInvite.getCallId(), tag, ringbackWav,
                (int) Math.max(1, limit.toMillis() / ringback.cycleMs()));
    }

    /**
     * Ringback for the caller before the callee has any media: rtpengine gets a stand-in answer for the callee (its
     * real answer later re-answers it, the caller's ports kept) and plays the tone to the caller.
     *
     * @return the SDP for the caller's 183
     * @throws RtpengineException when the anchor is away or refuses
     */
    String ringbackToCaller(Call call, java.time.Duration limit) {
        call.calleeTag = "callee-" + call.callerTag();
        String sdp = answer(call, false, OfferTemplate.standIn(call.offer));
        playRingback(call, call.callerTag(), limit);
        return sdp;
    }

    void stopRingback(Call call, String tag) {
        anchor.stopPlaying(call.callerInvite.getCallId(), tag);
    }

    private static void sentTo(Call call, String tag, String sdp) {
        if (tag != null) {
            call.sdpTo.put(tag, sdp);
        }
    }

    /** Releases the call's media; how it went, or null for a call whose media was never anchored. */
    MediaQuality end(Call call) {
        return anchor != null && call.anchored ? anchor.end(call.callerInvite.getCallId()) : null;
    }

    /** Whether the party an SDP from one party goes to is on the Microsoft (Teams, Zoom) side. */
    private static boolean towardMicrosoft(Call call, boolean fromCaller) {
        return fromCaller ? call.calleeOnMicrosoft : call.callerOnMicrosoft;
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

    /**
     * The tag rtpengine knows the Microsoft party of the call by (its DTMF events name it as their source); null
     * when no party is (a call transferred from Teams to a PSTN number).
     */
    static String microsoftTag(Call call) {
        return call.calleeOnMicrosoft ? call.calleeTag : call.callerOnMicrosoft ? call.callerTag() : null;
    }

    /** The leg toward Teams or Zoom, or null when no party is there (a call transferred from Teams to a number). */
    static javax.servlet.sip.SipSession microsoftLeg(Call call) {
        return call.calleeOnMicrosoft ? call.callee : call.callerOnMicrosoft ? call.caller() : null;
    }

    /** The leg toward the operator's network (of a call with a Microsoft party). */
    static javax.servlet.sip.SipSession operatorLeg(Call call) {
        return call.calleeOnMicrosoft ? call.caller() : call.callee;
    }

    private MediaSide side(Call call, boolean toMicrosoft) {
        if (toMicrosoft) {
            return new MediaSide(true, policy(call, true).codecs(), tos, call.dtmfInfo || call.comfortNoise);
        }
        TrunkSdp sdp = trunkSdp(call);
        // Repacketising needs the audio decoded, as injecting DTMF or comfort noise does.
        return new MediaSide(false, call.operatorCodecs, tos, call.dtmfInfo || call.comfortNoise || sdp.ptime() > 0,
                sdp.ptime(), sdp.rtcp(), keysAsTones(call));
    }

    /**
     * The SDP of a party as rtpengine gets it: from a core that sends its keys as tones, without the telephone-event
     * it may list anyway, so that rtpengine listens for the tones ({@link InbandDtmf}).
     *
     * @param fromOperator whether the party is on the operator's side
     */
    private static String fromParty(Call call, boolean fromOperator, String sdp) {
        return fromOperator && keysAsTones(call) ? InbandDtmf.withoutTelephoneEvent(sdp) : sdp;
    }

    private static boolean keysAsTones(Call call) {
        return call.trunk != null && call.trunk.dtmf() == Trunk.Dtmf.INBAND;
    }

    private static TrunkSdp trunkSdp(Call call) {
        return call.trunk == null ? TrunkSdp.NONE : call.trunk.sdp();
    }

    /** The SDP normalised for its side, with the trunk's bandwidth and ptime toward the operator. */
    private static String forSide(Call call, boolean toMicrosoft, String sdp) {
        String normalised = SdpNormaliser.normalise(sdp, policy(call, toMicrosoft)).sdp();
        return toMicrosoft ? normalised : trunkSdp(call).applied(normalised);
    }

    private static SdpPolicy policy(Call call, boolean toMicrosoft) {
        if (!toMicrosoft) {
            return SdpPolicy.OPERATOR;
        }
        return CallRouting.Destination.ZOOM.service().property().equals(call.service) ? SdpPolicy.ZOOM : SdpPolicy.TEAMS;
    }
}
