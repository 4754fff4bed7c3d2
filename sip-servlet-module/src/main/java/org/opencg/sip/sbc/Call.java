package org.opencg.sip.sbc;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javax.servlet.sip.B2buaHelper;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;

import org.opencg.core.calls.CallRecord;
import org.opencg.core.calls.MediaQuality;

/**
 * One call through the B2BUA, kept in its application session: where it goes, the peers still to try, the leg
 * being tried, and what its call record will say. Touched only on the call's own queue (JSR 289 per-call ordering),
 * so it needs no locking.
 */
final class Call {

    static final String ATTRIBUTE = "org.opencg.sbc.call";

    final String service;
    final String tenant;
    final String account;
    final SipServletRequest callerInvite;
    private final Deque<Peer> untried;
    /** What the call record says; a transfer starts a new record with the target's. */
    String direction;
    String calling;
    String called;
    Instant setup = Instant.now();
    /** The parties' legs and rtpengine tags; a transfer puts its target in the place of the party that referred. */
    private SipSession callerLeg;
    private String callerTag;
    boolean callerOnMicrosoft;
    boolean calleeOnMicrosoft;
    /** The SDP each party (by tag) last gave the anchor, and the SDP last sent to it (a transfer re-offers both). */
    final java.util.Map<String, String> sdpFrom = new java.util.HashMap<>();
    final java.util.Map<String, String> sdpTo = new java.util.HashMap<>();
    /** The transfer under way, or null. */
    CallTransfer transfer;
    /** The Call-ID the {@link CallDirectory} lists the call by, or null while it is not listed. */
    String listedAs;
    /** An INVITE with Replaces taking a leg's place, waiting for the staying party's answer, or null. */
    Replacement replacement;
    /** Legs of parties that transferred the call away: their BYE ends nothing. */
    final java.util.Set<String> retiredLegs = new java.util.HashSet<>();

    /** Headers every answer toward the caller carries (the called number's custom header toward the operator). */
    java.util.Map<String, String> towardCaller = java.util.Map.of();
    Peer peer;
    SipSession callee;
    ServletTimer failover;
    /** Ends the call if the callee, once it has answered provisionally, never answers finally. */
    ServletTimer ringing;
    /** Ends an answered call that outlives opencg.sbc.max-call-seconds (a lost BYE must not hold it for ever). */
    ServletTimer limit;
    /** An emergency call (EmergencyCalls): never refused for load, counted in opencg_sbc_active_emergency_calls. */
    boolean emergency;
    int lastStatus = 503;
    String lastReason = "Service Unavailable (no peer answered)";
    Instant answered;
    boolean cancelled;
    /**
     * rtpengine's name for the callee's media: the To-tag of the first answer with SDP (later forks' and peers'
     * answers re-answer it), or a stand-in's name while injected ringback plays.
     */
    String calleeTag;
    /** Ringback plays to the caller until the callee's own media comes. */
    boolean ringbackInjected;
    /** The To-tag of the first callee endpoint that sent early media: the one the caller hears until an answer. */
    String earlyTag;
    /** The SDP offer every peer tried gets (the caller's, through the media anchor); null sends the plan's. */
    String offer;
    /** The caller made no offer: the gateway made one for it, and offers in its 2xx to the caller. */
    boolean lateOffer;
    /** The codecs the operator's side is offered (its trunk's list; empty: what the other side offered). */
    List<String> operatorCodecs = List.of();
    /** How the caller takes provisional answers (an operator caller's trunk says; Teams takes early media). */
    Trunk.Provisional callerProvisional = new Trunk.Provisional(true, false, false);
    /** The operator trunk of the call takes and sends DTMF as SIP INFO (rtpengine injects it as RFC 4733). */
    boolean dtmfInfo;
    /** The operator trunk's core sends no comfort noise: rtpengine fills the gaps in its media with some. */
    boolean comfortNoise;
    /** The operator trunk the call came in on or leaves on, whose header rules apply there; null toward an ESRP. */
    Trunk trunk;
    /** Whether rtpengine holds media for this call (an offer went through it). */
    boolean anchored;
    private boolean ended;

    Call(String direction, String service, String tenant, String account, String calling, String called,
            SipServletRequest callerInvite, List<Peer> peers) {
        this.direction = direction;
        this.service = service;
        this.tenant = tenant;
        this.account = account;
        this.calling = calling;
        this.called = called;
        this.callerInvite = callerInvite;
        this.untried = new ArrayDeque<>(peers);
        this.callerLeg = callerInvite.getSession();
        this.callerTag = callerInvite.getFrom().getParameter("tag");
        this.calleeOnMicrosoft = CallRecord.TO_MICROSOFT.equals(direction);
        this.callerOnMicrosoft = !calleeOnMicrosoft;
    }

    /** The caller's tag (the From-tag of its INVITE): rtpengine's name for the caller's media. */
    String callerTag() {
        return callerTag;
    }

    SipSession caller() {
        return callerLeg;
    }

    /** Whether this leg is the caller's (not the callee's). */
    boolean isCaller(SipSession leg) {
        return callerLeg.getId().equals(leg.getId());
    }

    /**
     * A transfer's target has answered (or a party has replaced one): it takes the place of the party on the
     * {@code callerSide} (the one that referred, or was replaced), and the call's record starts again as a call from
     * the party that stays to the target, whose leg is linked to the target's now; the record up to now ends with
     * {@code reason}.
     *
     * @return the record of the call up to now
     */
    CallRecord transferred(boolean callerSide, SipSession target, String targetTag, boolean targetOnMicrosoft,
            String targetNumber, Peer targetPeer, String reason) {
        Instant now = Instant.now();
        CallRecord before = new CallRecord(callerInvite.getCallId(), direction, service, tenant, account, calling,
                called, peer == null ? null : peer.name(), setup, answered, now, 200, reason,
                callerSide ? "caller" : "callee", null);
        retiredLegs.add((callerSide ? callerLeg : callee).getId());
        SipSession stayingLeg = callerSide ? callee : callerLeg;
        B2buaHelper helper = callerInvite.getB2buaHelper();
        if (helper.getLinkedSession(stayingLeg) != null) {
            helper.unlinkSipSessions(stayingLeg);
        }
        helper.linkSipSessions(stayingLeg, target);
        String staying = callerSide ? called : calling;
        if (callerSide) {
            callerLeg = target;
            callerTag = targetTag;
            callerOnMicrosoft = targetOnMicrosoft;
        } else {
            callee = target;
            calleeTag = targetTag;
            calleeOnMicrosoft = targetOnMicrosoft;
        }
        direction = targetOnMicrosoft ? CallRecord.TO_MICROSOFT : CallRecord.TO_OPERATOR;
        calling = staying;
        called = targetNumber;
        peer = targetPeer;
        setup = now;
        answered = now;
        return before;
    }

    /** The next peer to try, or null when all have been. */
    Peer nextPeer() {
        peer = untried.poll();
        return peer;
    }

    /** Is this the leg the call is waiting on (not one it gave up on)? */
    boolean isCurrent(SipSession leg) {
        return callee != null && callee.getId().equals(leg.getId());
    }

    boolean ended() {
        return ended;
    }

    /** Ends the call once: the record of it, or null when it had already ended. */
    CallRecord end(int status, String reason, String endedBy, MediaQuality media) {
        if (ended) {
            return null;
        }
        ended = true;
        for (ServletTimer timer : new ServletTimer[] {failover, ringing, limit}) {
            if (timer != null) {
                timer.cancel();
            }
        }
        return new CallRecord(callerInvite.getCallId(), direction, service, tenant, account, calling, called,
                peer == null ? null : peer.name(), setup, answered, Instant.now(), status, reason, endedBy, media);
    }
}
