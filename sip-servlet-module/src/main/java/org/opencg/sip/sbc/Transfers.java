package org.opencg.sip.sbc;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.ServletException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.TimerService;

import org.opencg.core.calls.CallRecord;
import org.opencg.core.routing.RoutingSnapshot;
import org.opencg.sip.container.core.DialogId;
import org.opencg.sip.container.core.SessionSides;
import org.opencg.sip.media.RtpengineException;

/**
 * Executes a REFER from the Microsoft party of a call (acg-behaviour.md §3.8, RFC 3515, RFC 5589 §6): 202, then
 * NOTIFYs with the target's progress as message/sipfrag; ringback to the party that stays while the target rings;
 * a new INVITE to the target (a PSTN number over an operator trunk, or a Teams user back through Teams, never with
 * Replaces); for an attended transfer (Refer-To with Replaces naming the Teams side of a consultation call through the
 * gateway, RFC 3891) the INVITE to a PSTN target replaces that call's operator-side dialog instead, so the target's
 * phone swaps one call for the other; when it answers, the staying party is re-offered media from the target, and
 * the target takes the referring party's place in the call. A target that fails leaves the call as it was, and says
 * why in the NOTIFY.
 */
final class Transfers {

    private static final Logger LOG = Logger.getLogger(Transfers.class.getName());

    private final SipFactory factory;
    private final CallMedia media;
    private final CallPlanner planner;
    private final TimerService timers;
    private final Duration ringLimit;
    private final Consumer<CallRecord> records;
    private final Consumer<Call> orphaned;
    private final CallDirectory directory;

    /**
     * @param records  takes the record of a call up to its transfer
     * @param orphaned ends a call whose transfer failed after the referring party had hung up (only the staying
     *                 party is left)
     * @param directory the answered calls by their Teams-side dialog, for Refer-To with Replaces
     */
    Transfers(SipFactory factory, CallMedia media, CallPlanner planner, TimerService timers, Duration ringLimit,
            Consumer<CallRecord> records, Consumer<Call> orphaned, CallDirectory directory) {
        this.factory = factory;
        this.media = media;
        this.planner = planner;
        this.timers = timers;
        this.ringLimit = ringLimit;
        this.records = records;
        this.orphaned = orphaned;
        this.directory = directory;
    }

    /**
     * A REFER in a call's dialog: executed here when it comes from the call's Microsoft party; false leaves it to be
     * passed on to the other party (a REFER from the operator's side).
     */
    boolean refer(Call call, SipServletRequest refer, RoutingSnapshot routes) throws IOException, ServletException {
        boolean referrerIsCaller = call.isCaller(refer.getSession());
        if (!(referrerIsCaller ? call.callerOnMicrosoft : call.calleeOnMicrosoft)) {
            return false;
        }
        if (!media.anchored()) {
            refer.createResponse(501, "Not Implemented (transfer needs the media anchor)").send();
            return true;
        }
        if (call.answered == null || call.ended()) {
            refer.createResponse(403, "Forbidden (the call is not answered)").send();
            return true;
        }
        if (call.transfer != null) {
            refer.createResponse(491, "Request Pending (a transfer is under way)").send();
            return true;
        }
        Optional<TransferTarget> target = TransferTarget.parse(refer.getHeader("Refer-To"));
        if (target.isEmpty()) {
            refer.createResponse(400, "Bad Request (Refer-To names no E.164 number and no Teams user)").send();
            return true;
        }
        Optional<ReplacesValue> replaces = ReplacesValue.parse(target.get().replaces());
        if (target.get().replaces() != null && replaces.isEmpty()) {
            refer.createResponse(400, "Bad Request (the Replaces of Refer-To needs a Call-ID, to-tag and from-tag)")
                    .send();
            return true;
        }
        CallPlanner.TargetPlan plan = planner.transferTarget(call, target.get(), referrerIsCaller, routes);
        if (plan instanceof CallPlanner.Refused refused) {
            refer.createResponse(refused.status(), refused.reason()).send();
            return true;
        }
        CallPlanner.Target to = (CallPlanner.Target) plan;
        String replacing = to.onMicrosoft() ? null : replaces.flatMap(directory::operatorDialogOf)
                .map(DialogId::replacesForRemote).orElse(null);
        boolean stayingIsCaller = !referrerIsCaller;
        String staying = tagOf(call, stayingIsCaller);
        String offer;
        try {
            offer = media.offer(call, stayingIsCaller, call.sdpFrom.get(staying), to.onMicrosoft());
        } catch (RtpengineException e) {
            LOG.warning(() -> "transfer in " + call.callerInvite.getCallId() + " refused: " + e.getMessage());
            refer.createResponse(503, "Service Unavailable (media anchor unavailable)").send();
            return true;
        }
        call.transfer = new CallTransfer(refer.getSession(), referrerIsCaller, target.get(), to, offer, replacing);
        refer.createResponse(202, "Accepted").send();
        notify(call.transfer, 100, "Trying");
        // An attended transfer's target answers at once (it replaces a call it is in, RFC 3891): there is nothing to
        // ring, and a burst of tone just before the target's stream only makes the transferee's phone switch streams
        // twice (baresip's jitter buffer then dropped the target's audio in ReplacesIT).
        if (replacing == null) {
            try {
                media.playRingback(call, staying, ringLimit);
            } catch (RtpengineException e) {
                LOG.warning(() -> "no ringback in " + call.callerInvite.getCallId() + ": " + e.getMessage());
            }
        }
        call.transfer.ringLimit = timers.createTimer(call.callerInvite.getApplicationSession(), ringLimit.toMillis(),
                false, SbcTimer.of(SbcTimer.Kind.TRANSFER_RING_LIMIT));
        tryNextPeer(call);
        return true;
    }

    private void tryNextPeer(Call call) throws ServletException {
        CallTransfer transfer = call.transfer;
        for (Peer peer = transfer.nextPeer(); peer != null; peer = transfer.nextPeer()) {
            LegRequests.Leg leg = transfer.plan.legs().forPeer(peer);
            try {
                SipServletRequest invite = factory.createRequest(call.callerInvite.getApplicationSession(), "INVITE",
                        leg.from(), leg.to());
                invite.setRequestURI(factory.createURI(leg.requestUri()));
                if (leg.assertedIdentity() != null) {
                    invite.setHeader("P-Asserted-Identity", leg.assertedIdentity());
                }
                leg.headers().forEach(invite::setHeader);
                if (transfer.replaces != null) {
                    invite.setHeader("Replaces", transfer.replaces);
                }
                invite.setContent(transfer.offer, "application/sdp");
                SessionSides.useSide(invite.getSession(), leg.side());
                SessionSides.contactHost(invite.getSession(), leg.contactHost());
                if (KeepAlive.OPERATOR_SIDE.equals(leg.side())) {
                    TrunkHeaders.apply(call.trunk, org.opencg.core.trunks.HeaderRule.Direction.TOWARD, invite);
                }
                transfer.invite = invite;
                invite.send();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "transfer INVITE to " + peer.name() + " not sent", e);
            }
        }
        failed(call, 503, "Service Unavailable");
    }

    /** An answer from the target's leg. */
    void targetAnswered(Call call, SipServletResponse response) throws IOException, ServletException {
        CallTransfer transfer = call.transfer;
        int status = response.getStatus();
        if (status < 200) {
            if (status == 180 || status == 183) {
                notify(transfer, status, response.getReasonPhrase());
            }
            return;
        }
        if (status >= 300) {
            if (!transfer.timedOut && PeerSelection.tryNext(status == 408 ? 0 : status)) {
                tryNextPeer(call);
            } else if (transfer.timedOut) {
                failed(call, 408, "Request Timeout");
            } else {
                failed(call, status, response.getReasonPhrase());
            }
            return;
        }
        response.createAck().send();
        connect(call, response);
    }

    /** The target answered: it takes the referring party's place, and the staying party is re-offered media. */
    private void connect(Call call, SipServletResponse answer) throws IOException {
        CallTransfer transfer = call.transfer;
        boolean stayingIsCaller = !transfer.referrerIsCaller;
        String staying = tagOf(call, stayingIsCaller);
        SipSession stayingLeg = stayingIsCaller ? call.caller() : call.callee;
        String sdp;
        try {
            sdp = media.transferAnswer(call, stayingIsCaller, answer.getTo().getParameter("tag"),
                    transfer.plan.onMicrosoft(), SipValues.sdp(answer));
        } catch (RtpengineException e) {
            LOG.warning(() -> "transfer in " + call.callerInvite.getCallId() + " failed: " + e.getMessage());
            answer.getSession().createRequest("BYE").send();
            failed(call, 503, "Service Unavailable");
            return;
        }
        if (transfer.replaces == null) {
            media.stopRingback(call, staying);
        }
        transfer.ringLimit.cancel();
        SipServletRequest reoffer = stayingLeg.createRequest("INVITE");
        reoffer.setContent(sdp, "application/sdp");
        reoffer.send();
        records.accept(call.transferred(transfer.referrerIsCaller, answer.getSession(),
                answer.getTo().getParameter("tag"), transfer.plan.onMicrosoft(), transfer.targetName(), transfer.peer,
                "Transferred to " + transfer.targetName()));
        directory.list(call);
        call.transfer = null;
        notify(transfer, 200, "OK");
        LOG.fine(() -> "call " + call.callerInvite.getCallId() + " transferred to " + transfer.targetName());
    }

    /**
     * The target did not answer in time: its INVITE is cancelled, and the 487 it answers ends the transfer.
     */
    void ringLimitReached(Call call) {
        CallTransfer transfer = call.transfer;
        if (transfer == null || transfer.invite == null) {
            return;
        }
        transfer.timedOut = true;
        try {
            transfer.invite.createCancel().send();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "transfer INVITE not cancelled", e);
        }
    }

    /** The referring party hung up while the target rings: the transfer goes on without it. */
    boolean referrerLeft(Call call, SipServletRequest bye) throws IOException {
        CallTransfer transfer = call.transfer;
        if (transfer == null || !transfer.referrer.getId().equals(bye.getSession().getId())) {
            return false;
        }
        transfer.referrerGone = true;
        call.retiredLegs.add(bye.getSession().getId());
        bye.createResponse(200).send();
        return true;
    }

    /** The call ends while a transfer is under way: the target's INVITE is cancelled. */
    void abandon(Call call) {
        CallTransfer transfer = call.transfer;
        if (transfer != null && transfer.invite != null) {
            call.transfer = null;
            transfer.ringLimit.cancel();
            try {
                transfer.invite.createCancel().send();
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "transfer INVITE not cancelled", e);
            }
        }
    }

    /**
     * The target could not be reached: the referring party learns why; the call goes on as before (the staying
     * party's media was never moved), or ends when the referring party has already hung up.
     */
    private void failed(Call call, int status, String reason) {
        CallTransfer transfer = call.transfer;
        call.transfer = null;
        transfer.ringLimit.cancel();
        if (transfer.replaces == null) {
            media.stopRingback(call, tagOf(call, !transfer.referrerIsCaller));
        }
        notify(transfer, status, reason);
        LOG.fine(() -> "transfer of " + call.callerInvite.getCallId() + " to " + transfer.targetName() + " failed: "
                + status);
        if (transfer.referrerGone) {
            orphaned.accept(call);
        }
    }

    /** RFC 3515 §2.4.5: the target's progress as a sipfrag status line; a final one ends the subscription. */
    private static void notify(CallTransfer transfer, int status, String reason) {
        if (transfer.referrerGone || !transfer.referrer.isValid()) {
            return;
        }
        try {
            SipServletRequest notify = transfer.referrer.createRequest("NOTIFY");
            notify.setHeader("Event", "refer");
            notify.setHeader("Subscription-State", status < 200 ? "active;expires=60" : "terminated;reason=noresource");
            notify.setContent("SIP/2.0 " + status + " " + reason + "\r\n", "message/sipfrag;version=2.0");
            notify.send();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "NOTIFY of the transfer not sent", e);
        }
    }

    private static String tagOf(Call call, boolean caller) {
        return caller ? call.callerTag() : call.calleeTag;
    }
}
