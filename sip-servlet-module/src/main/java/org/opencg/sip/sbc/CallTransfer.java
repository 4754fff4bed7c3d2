package org.opencg.sip.sbc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;

/**
 * A transfer under way in a {@link Call}: who referred, where to, the target leg being tried and the peers left to
 * try. Touched on the call's queue only, like the call.
 */
final class CallTransfer {

    final SipSession referrer;
    final boolean referrerIsCaller;
    final TransferTarget target;
    final CallPlanner.Target plan;
    final String offer;
    /**
     * The Replaces the target's INVITE carries (an attended transfer to the operator's network), or null; only
     * without one does ringback play to the party that stays (an attended transfer's target answers at once).
     */
    final String replaces;
    private final Deque<Peer> untried;
    Peer peer;
    SipServletRequest invite;
    ServletTimer ringLimit;
    /** The target did not answer within the ring limit (its INVITE was cancelled). */
    boolean timedOut;
    /** The referring party hung up before the target answered: a failed transfer then ends the call. */
    boolean referrerGone;

    CallTransfer(SipSession referrer, boolean referrerIsCaller, TransferTarget target, CallPlanner.Target plan,
            String offer, String replaces) {
        this.referrer = referrer;
        this.replaces = replaces;
        this.referrerIsCaller = referrerIsCaller;
        this.target = target;
        this.plan = plan;
        this.offer = offer;
        this.untried = new ArrayDeque<>(List.copyOf(plan.peers()));
    }

    Peer nextPeer() {
        peer = untried.poll();
        return peer;
    }

    boolean isTarget(SipSession leg) {
        return invite != null && invite.getSession().getId().equals(leg.getId());
    }

    /** The number (or Teams user) the call goes to, for the record and the logs. */
    String targetName() {
        return target.backToTeams() ? target.teamsUri() : target.number();
    }
}
