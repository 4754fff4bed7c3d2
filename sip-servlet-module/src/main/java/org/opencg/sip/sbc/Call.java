package org.opencg.sip.sbc;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

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

    final String direction;
    final String service;
    final String tenant;
    final String account;
    final String calling;
    final String called;
    final SipServletRequest callerInvite;
    final Instant setup = Instant.now();
    private final Deque<Peer> untried;

    /** Headers every answer toward the caller carries (the called number's custom header toward the operator). */
    java.util.Map<String, String> towardCaller = java.util.Map.of();
    Peer peer;
    SipSession callee;
    ServletTimer failover;
    /** Ends an answered call that outlives opencg.sbc.max-call-seconds (a lost BYE must not hold it for ever). */
    ServletTimer limit;
    int lastStatus = 503;
    String lastReason = "Service Unavailable (no peer answered)";
    Instant answered;
    boolean cancelled;
    /** The callee's tag (the To-tag of its latest answer with SDP): rtpengine's name for the callee's media. */
    String calleeTag;
    /** The SDP offer every peer tried gets (the caller's, through the media anchor); null sends the plan's. */
    String offer;
    /** The caller made no offer: the gateway made one for it, and offers in its 2xx to the caller. */
    boolean lateOffer;
    /** The operator trunk of the call takes and sends DTMF as SIP INFO (rtpengine injects it as RFC 4733). */
    boolean dtmfInfo;
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
    }

    /** The caller's tag (the From-tag of its INVITE): rtpengine's name for the caller's media. */
    String callerTag() {
        return callerInvite.getFrom().getParameter("tag");
    }

    SipSession caller() {
        return callerInvite.getSession();
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
        for (ServletTimer timer : new ServletTimer[] {failover, limit}) {
            if (timer != null) {
                timer.cancel();
            }
        }
        return new CallRecord(callerInvite.getCallId(), direction, service, tenant, account, calling, called,
                peer == null ? null : peer.name(), setup, answered, Instant.now(), status, reason, endedBy, media);
    }
}
