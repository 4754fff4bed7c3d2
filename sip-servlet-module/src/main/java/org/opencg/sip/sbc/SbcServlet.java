package org.opencg.sip.sbc;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.ServletException;
import javax.servlet.sip.B2buaHelper;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipErrorEvent;
import javax.servlet.sip.SipErrorListener;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipSessionsUtil;
import javax.servlet.sip.TimerListener;
import javax.servlet.sip.TimerService;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.eclipse.microprofile.config.Config;
import org.opencg.core.calls.CallRecord;
import org.opencg.core.calls.CallRecords;
import org.opencg.core.config.StartupFailure;
import org.opencg.core.routing.RoutingSnapshot;
import org.opencg.core.routing.RoutingTable;
import org.opencg.core.trunks.HeaderRule;
import org.opencg.sip.container.core.NewCallGate;
import org.opencg.sip.container.core.PeerAdmission;
import org.opencg.sip.container.core.PriorityCalls;
import org.opencg.sip.container.core.SessionSides;
import org.opencg.sip.media.MediaSettings;
import org.opencg.sip.media.OfferTemplate;
import org.opencg.sip.media.RtpengineException;
import org.opencg.sip.media.RtpengineSettings;

/**
 * The SBC's B2BUA (issue 5): an INVITE from the operator's network goes to Microsoft Teams or Zoom, one from them to
 * the operator, each as a new leg made by {@link LegRequests} after {@link CallPlanner} has decided from the routing
 * snapshot; everything after that (provisional and final answers, ACK, CANCEL, BYE, re-INVITE, UPDATE, INFO) passes
 * between the linked legs. The peers of each side are tried in {@link PeerSelection} order, the next on 408, 503,
 * 504 or silence; {@link KeepAlive} sends the OPTIONS that keep them usable. One {@link CallRecord} per call.
 */
@javax.servlet.sip.annotation.SipServlet(name = "Sbc", loadOnStartup = 1)
@javax.servlet.sip.annotation.SipListener
public class SbcServlet extends SipServlet implements TimerListener, SipErrorListener {

    private static final Logger LOG = Logger.getLogger(SbcServlet.class.getName());
    /**
     * The SBC's meters, removed when it stops: the server's registry outlives a deployment, and a meter left there
     * would go on reading the stopped deployment's counters.
     */
    private static final List<String> METERS = List.of("opencg_sbc_active_calls", "opencg_sbc_peer_up",
            "opencg_sbc_media_refused_calls", "opencg_sbc_active_emergency_calls", "opencg_sbc_calls_in_progress",
            "opencg_sbc_admission_refused_calls", "opencg_test_calls");
    /** How long a transfer target may ring before the transfer fails with 408. */
    private static final String TRANSFER_RING_SECONDS = "opencg.sbc.transfer-ring-seconds";
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, PRACK, UPDATE, REFER, NOTIFY";

    @Inject
    Config config;

    @Inject
    MeterRegistry registry;

    private SbcSettings settings;
    private SipFactory factory;
    private TimerService timers;
    private KeepAlive keepAlive;
    private LegRequests legs;
    private CallPlanner planner;
    private CallMedia media;
    private DtmfRelay dtmf;
    private Transfers transfers;
    private Replacements replacements;
    private final CallDirectory directory = new CallDirectory();
    private EarlyMedia earlyMedia;
    private final PeerMonitor monitor = new PeerMonitor();
    private final AtomicInteger activeCalls = new AtomicInteger();
    private final AtomicInteger activeEmergencyCalls = new AtomicInteger();
    /** Calls from their INVITE to their end, ringing or answered: what admission control limits. */
    private final AtomicInteger callsInProgress = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong admissionRefused = new java.util.concurrent.atomic.AtomicLong();
    /** Where the container refuses new calls over UDP itself while the ceiling is reached, before parsing them. */
    private NewCallGate gate;
    private final MediaShortage shortage = new MediaShortage();
    private TestCallRunner testCalls;
    private volatile RoutingSnapshot routes;
    private volatile CallRecords records;

    @Override
    public void init() throws ServletException {
        try {
            settings = SbcSettings.from(config);
            testCalls = TestCallSettings.runner(config);
            media = new CallMedia(MediaSettings.anchor(config), MediaSettings.tos(config),
                    MediaSettings.ringback(config));
        } catch (IllegalArgumentException e) {
            // Every setting error reads "<setting>: <problem>": the launcher shows that line and stops.
            int colon = e.getMessage().indexOf(": ");
            throw colon > 0 ? new StartupFailure(e.getMessage().substring(0, colon),
                    e.getMessage().substring(colon + 2), e) : new StartupFailure("opencg.sbc", e.getMessage(), e);
        }
        factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        checkHeaderRules();
        PeerAddresses.admit((PeerAdmission) getServletContext().getAttribute(PeerAdmission.ATTRIBUTE), settings);
        // Emergency calls are taken whatever the load (acg-behaviour.md §6).
        gate = (NewCallGate) getServletContext().getAttribute(NewCallGate.ATTRIBUTE);
        gate.limitCalls(settings.admission().ceiling(), settings.admission().ceilingReason());
        ((PriorityCalls) getServletContext().getAttribute(PriorityCalls.ATTRIBUTE))
                .neverShed(settings.emergency().numbers());
        timers = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
        keepAlive = new KeepAlive(factory, settings, monitor);
        legs = new LegRequests(factory);
        planner = new CallPlanner(settings, monitor, media.anchored());
        earlyMedia = new EarlyMedia(media);
        transfers = new Transfers(factory, media, planner, timers, Duration.ofSeconds(config.getOptionalValue(
                TRANSFER_RING_SECONDS, Integer.class).orElse(60)), this::write, this::endAlone, directory);
        replacements = new Replacements((SipSessionsUtil) getServletContext().getAttribute(SIP_SESSIONS_UTIL), media,
                directory, this::write, settings.xMsSbc());
        SipApplicationSession keeper = factory.createApplicationSession();
        keeper.setExpires(0);
        timers.createTimer(keeper, 1000, settings.optionsInterval().toMillis(), true, false,
                SbcTimer.of(SbcTimer.Kind.KEEP_ALIVE));
        timers.createTimer(keeper, 2000, 2000, true, false, SbcTimer.of(SbcTimer.Kind.TEST_CALLS));
        registry.more().counter("opencg_test_calls", Tags.of("result", "passed"), testCalls.passed,
                java.util.concurrent.atomic.AtomicLong::get);
        registry.more().counter("opencg_test_calls", Tags.of("result", "failed"), testCalls.failed,
                java.util.concurrent.atomic.AtomicLong::get);
        registry.gauge("opencg_sbc_active_calls", Tags.empty(), activeCalls, AtomicInteger::get);
        registry.gauge("opencg_sbc_active_emergency_calls", Tags.empty(), activeEmergencyCalls, AtomicInteger::get);
        registry.gauge("opencg_sbc_calls_in_progress", Tags.empty(), callsInProgress, AtomicInteger::get);
        registry.more().counter("opencg_sbc_admission_refused_calls", Tags.empty(), admissionRefused,
                refused -> refused.get() + gate.refusedAtGate());
        registry.more().counter("opencg_sbc_media_refused_calls", Tags.empty(), shortage, MediaShortage::refusedCalls);
        dtmf = new DtmfRelay(media, timers);
        if (media.anchored()) {
            dtmf.listen(RtpengineSettings.dtmfEvents(config));
        }
        peerGauges("teams", settings.teams());
        peerGauges("zoom", settings.zoom());
        settings.trunks().forEach(t -> peerGauges(t.name(), t.peers()));
        peerGauges("esrp", settings.emergency().esrp());
        LOG.info(() -> "SBC region " + settings.region() + ": Teams peers " + names(settings.teams())
                + ", operator trunks " + settings.trunks().stream().map(t -> t.name() + names(t.peers())).toList()
                + ", OPTIONS every " + settings.optionsInterval().toSeconds() + " s");
    }

    /**
     * A trunk rule that adds a header the SIP parser would refuse stops the start-up, rather than every call: each
     * is tried once on a request that is never sent.
     */
    private void checkHeaderRules() throws ServletException {
        SipApplicationSession scratch = factory.createApplicationSession();
        try {
            for (Trunk trunk : settings.trunks()) {
                for (HeaderRule rule : trunk.headerRules()) {
                    if (rule.action() != HeaderRule.Action.ADD) {
                        continue;
                    }
                    SipServletRequest probe = factory.createRequest(scratch, "OPTIONS", "<sip:opencg@opencg.invalid>",
                            "<sip:peer@opencg.invalid>");
                    try {
                        probe.addHeader(rule.header(), rule.value());
                    } catch (IllegalArgumentException e) {
                        throw new StartupFailure("opencg.sbc.trunk." + trunk.name() + ".header-rule",
                                "'" + rule.describe() + "' makes no valid header: " + e.getMessage(), e);
                    }
                }
            }
        } catch (javax.servlet.sip.ServletParseException e) {
            throw new ServletException(e);
        } finally {
            scratch.invalidate();
        }
    }

    private void peerGauges(String group, List<Peer> peers) {
        for (Peer peer : peers) {
            registry.gauge("opencg_sbc_peer_up", Tags.of("group", group, "peer", peer.name(),
                    "region", String.valueOf(settings.region())), monitor, m -> m.up(peer));
        }
    }

    private static List<String> names(List<Peer> peers) {
        return peers.stream().map(Peer::name).toList();
    }

    @Override
    public void destroy() {
        if (dtmf != null) {
            dtmf.close();
        }
        if (testCalls != null) {
            testCalls.close();
        }
        if (gate != null) {
            gate.limitCalls(0, null);
        }
        for (String name : METERS) {
            registry.find(name).meters().forEach(registry::remove);
        }
    }

    // --- initial INVITE ------------------------------------------------------------------------------------------

    @Override
    protected void doInvite(SipServletRequest request) throws ServletException, IOException {
        if (!request.isInitial()) {
            relay(request);
            return;
        }
        if (request.getHeader("Replaces") != null) {
            // Takes a leg's place in a call here, or is refused: never a new call, so Replaces never goes on.
            replacements.invite(request);
            return;
        }
        String side = SessionSides.sideOf(request.getSession());
        Trunk trunk = KeepAlive.OPERATOR_SIDE.equals(side) ? trunkOf(request) : null;
        TrunkHeaders.apply(trunk, HeaderRule.Direction.FROM, request);
        CallPlanner.Plan plan = KeepAlive.OPERATOR_SIDE.equals(side) ? planner.fromOperator(request, trunk, routes())
                : KeepAlive.TEAMS_SIDE.equals(side) ? planner.fromMicrosoft(request, routes())
                : new CallPlanner.Refused(403, "Forbidden (no calls on the " + side + " side)");
        if (plan instanceof CallPlanner.Refused refused) {
            request.createResponse(refused.status(), refused.reason()).send();
            return;
        }
        CallPlanner.Accepted accepted = (CallPlanner.Accepted) plan;
        RoutingSnapshot snapshot = routes();
        String overLimit = accepted.call().emergency ? null
                : settings.admission().refusal(callsInProgress.get(), snapshot::size);
        if (overLimit != null) {
            admissionRefused.incrementAndGet();
            SipServletResponse busy = request.createResponse(503, overLimit);
            busy.setHeader("Retry-After", "5");
            busy.send();
            return;
        }
        start(accepted.call(), accepted.legs());
    }

    /**
     * The trunk an INVITE from the operator side comes in on: its source's, or, for the gateway's own synthetic test
     * call (its secret header, from its own address), the first fixed trunk, as a call from the core would.
     */
    private Trunk trunkOf(SipServletRequest invite) {
        String marker = invite.getHeader(SyntheticCall.HEADER);
        if (marker != null) {
            invite.removeHeader(SyntheticCall.HEADER);
            if (testCalls.ours(marker) && invite.getRemoteAddr().equals(invite.getLocalAddr())) {
                return settings.trunkFor(CallRouting.TrunkKind.FIXED);
            }
        }
        return settings.trunkOf(invite.getRemoteAddr());
    }

    private void start(Call call, CallPlanner.LegPlan plan) throws ServletException, IOException {
        callsInProgress.incrementAndGet();
        updateGate();
        if (call.emergency) {
            activeEmergencyCalls.incrementAndGet();
            LOG.info(() -> "emergency call " + call.callerInvite.getCallId() + " to " + call.called + " from "
                    + call.calling);
        }
        SipApplicationSession app = call.callerInvite.getApplicationSession();
        app.setAttribute(Call.ATTRIBUTE, call);
        app.setAttribute(PLAN, plan);
        // The state outlives the longest call by a minute; the call itself is ended by its limit timer.
        app.setExpires((int) settings.maxCallDuration().toMinutes() + 2);
        if (media.anchored()) {
            // One offer through the anchor serves every peer the call may fail over to. An offerless INVITE gets
            // one made for the caller (Teams takes none without, acg-behaviour.md §3.7); the caller is then
            // offered in our 2xx and answers in its ACK.
            call.lateOffer = !SipValues.carriesSdp(call.callerInvite);
            String callerSdp = call.lateOffer
                    ? OfferTemplate.offer(call.callerInvite.getRemoteAddr(), OfferTemplate.OPERATOR_CODECS)
                    : SipValues.sdp(call.callerInvite);
            try {
                call.offer = media.offer(call, true, callerSdp);
                shortage.anchored();
                dtmf.started(call);
            } catch (RtpengineException e) {
                shortage.refused(call.callerInvite.getCallId(), e);
                fail(call, e.sipStatus(), e.sipReason(), "gateway");
                return;
            }
        }
        tryNextPeer(call);
    }

    private static final String PLAN = "org.opencg.sbc.plan";

    /** Offers the call to its next usable peer; when none is left, the caller gets the last answer (or 503). */
    private void tryNextPeer(Call call) throws ServletException, IOException {
        CallPlanner.LegPlan plan = (CallPlanner.LegPlan) call.callerInvite.getApplicationSession().getAttribute(PLAN);
        for (Peer peer = call.nextPeer(); peer != null; peer = call.nextPeer()) {
            LegRequests.Leg planned = plan.forPeer(peer);
            SipServletRequest leg = legs.create(call.callerInvite,
                    call.offer == null ? planned : planned.withSdp(call.offer));
            if (KeepAlive.OPERATOR_SIDE.equals(planned.side())) {
                TrunkHeaders.apply(call.trunk, HeaderRule.Direction.TOWARD, leg);
            }
            try {
                leg.send();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "INVITE to " + peer.name() + " not sent", e);
                call.lastStatus = 503;
                call.lastReason = "Service Unavailable (" + peer.name() + " unreachable)";
                monitor.optionsAnswered(peer, 0);
                continue;
            }
            call.callee = leg.getSession();
            call.failover = timers.createTimer(call.callerInvite.getApplicationSession(),
                    settings.failoverTime().toMillis(), false,
                    SbcTimer.forLeg(SbcTimer.Kind.FAILOVER, leg.getSession().getId()));
            return;
        }
        call.callee = null;
        fail(call, call.lastStatus, call.lastReason, "gateway");
    }

    /** Ends a call that was never answered: the caller gets the status, the record says why. */
    private void fail(Call call, int status, String reason, String endedBy) throws IOException {
        if (!call.callerInvite.isCommitted()) {
            SipServletResponse answer = call.callerInvite.createResponse(status, reason);
            if (status == 503) {
                answer.setHeader("Retry-After", "5");
            }
            answer.send();
        }
        end(call, status, reason, endedBy);
    }

    // --- answers -------------------------------------------------------------------------------------------------

    @Override
    protected void doResponse(SipServletResponse response) throws ServletException, IOException {
        if (keepAlive.answered(response)) {
            return;
        }
        SipServletRequest request = response.getRequest();
        Call call = (Call) response.getApplicationSession().getAttribute(Call.ATTRIBUTE);
        if (call != null && call.transfer != null && call.transfer.isTarget(response.getSession())
                && "INVITE".equals(response.getMethod())) {
            transfers.targetAnswered(call, response);
            return;
        }
        if (call != null && call.replacement != null && call.replacement.answers(response)) {
            replacements.stayingAnswered(call, response);
            return;
        }
        if (!request.isInitial() || !"INVITE".equals(response.getMethod())) {
            relayAnswer(response);
            return;
        }
        int status = response.getStatus();
        if (call == null || !call.isCurrent(response.getSession()) || call.ended() && status < 300) {
            abandoned(response);
            return;
        }
        if (call.failover != null && status > 100) {
            call.failover.cancel();
            call.failover = null;
            if (!settings.ringTime().isZero()) {
                call.ringing = timers.createTimer(response.getApplicationSession(), settings.ringTime().toMillis(),
                        false, SbcTimer.forLeg(SbcTimer.Kind.RING_LIMIT, response.getSession().getId()));
            }
        }
        if (call.ringing != null && status >= 200) {
            call.ringing.cancel();
            call.ringing = null;
        }
        if (status < 200) {
            if (status > 100 && !call.cancelled) {
                if (response.getHeader("RSeq") != null) {
                    response.createPrack().send();
                }
                if (earlyMedia.answered(call, response)) {
                    return;
                }
                try {
                    forward(response, call.callerInvite.createResponse(status, response.getReasonPhrase()));
                } catch (RtpengineException e) {
                    LOG.warning(() -> "early media of " + call.callerInvite.getCallId() + " not anchored: "
                            + e.getMessage());
                    call.callerInvite.createResponse(status, response.getReasonPhrase()).send();
                }
            }
        } else if (status < 300) {
            try {
                response.createAck().send();
            } catch (IOException e) {
                // The callee answered from where we cannot reach it (its Contact): no call can be made of that.
                LOG.log(Level.WARNING, "ACK to " + call.peer.name() + " not sent; call " + call.callerInvite.getCallId()
                        + " refused", e);
                fail(call, 502, "Bad Gateway (the answering peer cannot be reached at its Contact)", "gateway");
                return;
            }
            if (call.cancelled) {
                response.getSession().createRequest("BYE").send();
                return;
            }
            call.answered = java.time.Instant.now();
            call.limit = timers.createTimer(response.getApplicationSession(), settings.maxCallDuration().toMillis(),
                    false, SbcTimer.of(SbcTimer.Kind.CALL_LIMIT));
            activeCalls.incrementAndGet();
            try {
                forward(response, call.callerInvite.createResponse(status, response.getReasonPhrase()));
                directory.list(call);
            } catch (RtpengineException e) {
                LOG.warning(() -> "call " + call.callerInvite.getCallId() + " ended: " + e.getMessage());
                response.getSession().createRequest("BYE").send();
                fail(call, e.sipStatus(), e.sipReason(), "gateway");
            } catch (IOException e) {
                // The caller is gone (its TCP connection closed, its address unreachable): the callee's leg must
                // not stay up alone until the maximum duration.
                LOG.warning(() -> "call " + call.callerInvite.getCallId() + " ended: the caller cannot be reached ("
                        + e.getMessage() + ")");
                response.getSession().createRequest("BYE").send();
                end(call, 408, "The caller cannot be reached for the 200 (" + e.getMessage() + ")", "gateway");
            }
        } else {
            calleeRefused(call, response);
        }
    }

    private void calleeRefused(Call call, SipServletResponse response) throws ServletException, IOException {
        int status = response.getStatus();
        if (call.cancelled) {
            end(call, 487, "Request Terminated", "caller");
            return;
        }
        if (PeerSelection.tryNext(status == 408 ? 0 : status)) {
            if (status == 503 && response.getHeader("Retry-After") != null) {
                monitor.resting(call.peer, SipValues.retryAfter(response.getHeader("Retry-After")));
            }
            call.lastStatus = status;
            call.lastReason = response.getReasonPhrase();
            tryNextPeer(call);
            return;
        }
        fail(call, status, response.getReasonPhrase(), "callee");
    }

    /** An answer on a leg the call gave up (failover) or no longer needs: a 2xx is taken and ended at once. */
    private static void abandoned(SipServletResponse response) throws IOException {
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            response.createAck().send();
            response.getSession().createRequest("BYE").send();
        }
    }

    /**
     * Copies an answer onto the answer for the other leg, with its SDP through the call's media, and sends it.
     *
     * @throws RtpengineException when the media anchor cannot take the SDP
     */
    private void forward(SipServletResponse from, SipServletResponse to) throws IOException {
        Call call = (Call) to.getApplicationSession().getAttribute(Call.ATTRIBUTE);
        boolean fromCaller = from.getSession().getId().equals(call.caller().getId());
        boolean early = !fromCaller && from.getStatus() < 200 && "INVITE".equals(from.getMethod());
        String tag = from.getTo().getParameter("tag");
        if (early && SipValues.carriesSdp(from) && call.earlyTag != null && !call.earlyTag.equals(tag)) {
            // A forked call's later endpoints with early media are not taken: the caller stays latched to the first
            // (acg-behaviour.md §3.7); whichever answers, its 2xx brings its SDP.
            LOG.fine(() -> "early media from fork " + tag + " of " + call.callerInvite.getCallId() + " not taken");
        } else if (SipValues.carriesSdp(from)) {
            if (!fromCaller && call.calleeTag == null) {
                // rtpengine knows the callee by its first tag: a later fork's or peer's answer is a re-answer of it.
                call.calleeTag = tag;
            }
            if (!fromCaller) {
                earlyMedia.calleeMediaCame(call);
            }
            if (early) {
                call.earlyTag = tag;
            }
            String sdp = media.answer(call, fromCaller, SipValues.sdp(from));
            // For a caller that made no offer, the SDP is our offer: in the 2xx, not in an unreliable 18x
            // (RFC 3261 §13.2.1).
            if (!(call.lateOffer && !fromCaller && from.getStatus() < 200 && "INVITE".equals(from.getMethod()))) {
                SipValues.setSdp(to, sdp, from);
            }
        }
        if (KeepAlive.TEAMS_SIDE.equals(SessionSides.sideOf(to.getSession())) && to.getStatus() > 100
                && "INVITE".equals(to.getMethod())) {
            to.setHeader("X-MS-SBC", settings.xMsSbc());
        }
        if (fromCaller) {
            to.send();
        } else {
            call.towardCaller.forEach(to::setHeader);
            EarlyMedia.toCaller(call, to);
        }
    }

    // --- within the dialog ---------------------------------------------------------------------------------------

    @Override
    protected void doAck(SipServletRequest ack) {
        // The callee's 2xx was acknowledged when it arrived; the caller's ACK ends its own transaction only.
    }

    @Override
    protected void doCancel(SipServletRequest cancel) throws IOException {
        Call call = (Call) cancel.getApplicationSession().getAttribute(Call.ATTRIBUTE);
        if (call == null || !call.isCaller(cancel.getSession())) {
            // Not the caller giving up: a party whose INVITE with Replaces joined this call did (the container has
            // answered it 487); the call itself goes on.
            return;
        }
        call.cancelled = true;
        if (call.callee != null) {
            try {
                call.callerInvite.getB2buaHelper().createCancel(call.callee).send();
            } catch (IllegalStateException | IllegalArgumentException e) {
                LOG.log(Level.FINE, "CANCEL not passed on; a late 2xx will be ended with BYE", e);
            }
        }
        end(call, 487, "Request Terminated", "caller");
    }

    @Override
    protected void doBye(SipServletRequest bye) throws ServletException, IOException {
        Call call = (Call) bye.getApplicationSession().getAttribute(Call.ATTRIBUTE);
        if (call != null && call.retiredLegs.contains(bye.getSession().getId())) {
            // The party that transferred the call away hangs up its own leg (RFC 5589 §6): nothing else ends.
            bye.createResponse(200).send();
            return;
        }
        if (call != null && transfers.referrerLeft(call, bye)) {
            return;
        }
        if (call != null && call.answered != null && !call.ended()) {
            boolean byCaller = bye.getSession().getId().equals(call.caller().getId());
            end(call, 200, "BYE", byCaller ? "caller" : "callee");
        }
        relay(bye);
    }

    /**
     * INVITE, ACK, CANCEL and BYE go to their own methods; an OPTIONS outside a dialog is answered; any other
     * request in a dialog passes to the linked leg; any other outside one is not ours (405).
     */
    @Override
    protected void doRequest(SipServletRequest request) throws ServletException, IOException {
        switch (request.getMethod()) {
            case "INVITE", "ACK", "CANCEL", "BYE" -> super.doRequest(request);
            default -> {
                Call call = (Call) request.getApplicationSession().getAttribute(Call.ATTRIBUTE);
                if (!request.isInitial() && "INFO".equals(request.getMethod()) && call != null
                        && dtmf.fromOperator(call, request)) {
                    return;
                }
                if (!request.isInitial() && "PRACK".equals(request.getMethod())) {
                    // The B2BUA's own reliable 18x is acknowledged; the other leg's were PRACKed when they came.
                    request.createResponse(200).send();
                    return;
                }
                if (!request.isInitial() && "REFER".equals(request.getMethod()) && call != null
                        && transfers.refer(call, request, routes())) {
                    return;
                }
                if (!request.isInitial()) {
                    relay(request);
                } else if ("OPTIONS".equals(request.getMethod())) {
                    answerOptions(request);
                } else {
                    SipServletResponse refused = request.createResponse(405);
                    refused.setHeader("Allow", ALLOW);
                    refused.send();
                }
            }
        }
    }

    /** OPTIONS from a peer (acg-behaviour.md §3.3: peers poll us as we poll them). */
    private void answerOptions(SipServletRequest options) throws IOException {
        SipServletResponse ok = options.createResponse(200);
        ok.setHeader("Allow", ALLOW);
        ok.setHeader("Accept", "application/sdp");
        ok.setHeader("Supported", "replaces");
        if (KeepAlive.TEAMS_SIDE.equals(SessionSides.sideOf(options.getSession()))) {
            ok.setHeader("X-MS-SBC", settings.xMsSbc());
        }
        ok.send();
    }

    /** A request within the dialog goes to the linked leg as a new request of that leg's dialog. */
    private void relay(SipServletRequest request) throws IOException {
        B2buaHelper helper = request.getB2buaHelper();
        SipSession other = helper.getLinkedSession(request.getSession());
        if (other == null || !other.isValid() || other.getState() == SipSession.State.TERMINATED) {
            request.createResponse("BYE".equals(request.getMethod()) ? 200 : 481).send();
            return;
        }
        Call call = (Call) request.getApplicationSession().getAttribute(Call.ATTRIBUTE);
        if (call != null && KeepAlive.OPERATOR_SIDE.equals(SessionSides.sideOf(request.getSession()))) {
            TrunkHeaders.apply(call.trunk, HeaderRule.Direction.FROM, request);
        }
        SipServletRequest out = helper.createRequest(other, request, null);
        LegRequests.withoutOtherSidesHeaders(out);
        if (call != null && KeepAlive.OPERATOR_SIDE.equals(SessionSides.sideOf(other))) {
            TrunkHeaders.apply(call.trunk, HeaderRule.Direction.TOWARD, out);
        }
        if (SipValues.carriesSdp(out)) {
            boolean fromCaller = request.getSession().getId().equals(call.caller().getId());
            try {
                SipValues.setSdp(out, media.offer(call, fromCaller, SipValues.sdp(request)), request);
            } catch (RtpengineException e) {
                // The call goes on with the media it has; only this change of it is refused.
                LOG.warning(() -> request.getMethod() + " in call " + call.callerInvite.getCallId() + " refused: "
                        + e.getMessage());
                request.createResponse(503, "Service Unavailable (media anchor unavailable)").send();
                return;
            }
        }
        try {
            out.send();
        } catch (IOException | RuntimeException e) {
            request.createResponse("BYE".equals(request.getMethod()) ? 200 : 503).send();
        }
    }

    /** The answer to a relayed request goes back as the answer to the request it was made from. */
    private void relayAnswer(SipServletResponse response) throws IOException {
        if ("INVITE".equals(response.getMethod()) && response.getStatus() >= 200 && response.getStatus() < 300) {
            response.createAck().send();
        }
        SipServletRequest original = response.getRequest().getB2buaHelper()
                .getLinkedSipServletRequest(response.getRequest());
        if (original == null || original.isCommitted() || response.getStatus() == 100) {
            return;
        }
        forward(response, original.createResponse(response.getStatus(), response.getReasonPhrase()));
    }

    // --- timers --------------------------------------------------------------------------------------------------

    @Override
    public void timeout(ServletTimer timer) {
        Call call = (Call) timer.getApplicationSession().getAttribute(Call.ATTRIBUTE);
        if (timer.getInfo() instanceof DtmfRelay.Key key) {
            if (call != null) {
                dtmf.toOperator(call, key);
            }
            return;
        }
        SbcTimer info = (SbcTimer) timer.getInfo();
        switch (info.kind()) {
            case KEEP_ALIVE -> keepAlive.round();
            case TEST_CALLS -> testCalls.tick();
            case CALL_LIMIT -> endAtLimit(call);
            case TRANSFER_RING_LIMIT -> {
                if (call != null) {
                    transfers.ringLimitReached(call);
                }
            }
            case RING_LIMIT -> {
                if (call != null && info.isAbout(call.callee) && call.answered == null && !call.ended()
                        && !call.cancelled) {
                    ringLimitReached(call);
                }
            }
            case FAILOVER -> {
                if (call != null && info.isAbout(call.callee) && !call.ended() && !call.cancelled) {
                    failover(call);
                }
            }
            default -> throw new IllegalStateException("a timer of unknown kind " + info.kind());
        }
    }

    /** No answer within the failover time (Teams' FailoverTimeSeconds): the next peer gets the call. */
    private void failover(Call call) {
        call.failover = null;
        call.lastStatus = 408;
        call.lastReason = "Request Timeout (" + call.peer.name() + " did not answer)";
        try {
            tryNextPeer(call);
        } catch (ServletException | IOException e) {
            LOG.log(Level.WARNING, "failover of " + call.callerInvite.getCallId() + " failed", e);
        }
    }

    /**
     * The callee rang (or played early media) for opencg.sbc.ring-seconds without a final answer: its INVITE is
     * cancelled and the caller gets 408, as a proxy's Timer C would end it (RFC 3261 §16.8); a 2xx that crosses the
     * CANCEL is ended with BYE.
     */
    private void ringLimitReached(Call call) {
        call.ringing = null;
        call.cancelled = true;
        try {
            call.callerInvite.getB2buaHelper().createCancel(call.callee).send();
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            LOG.log(Level.FINE, "CANCEL at the ring limit not sent; a late 2xx will be ended with BYE", e);
        }
        try {
            fail(call, 408, "Request Timeout (no answer within " + settings.ringTime().toSeconds() + " s)", "gateway");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "408 at the ring limit of " + call.callerInvite.getCallId() + " not sent", e);
        }
    }

    /** The call has lasted opencg.sbc.max-call-seconds: both legs get BYE, the record says the gateway ended it. */
    private void endAtLimit(Call call) {
        endByGateway(call, 200, "Maximum call duration (" + settings.maxCallDuration().toSeconds() + " s)");
    }

    /**
     * The caller's or callee's 2xx was never acknowledged within 64·T1 (a peer that went away, a lost ACK): RFC 3261
     * §13.3.1.4 has the session ended with BYE, here on both legs, and the record says why.
     */
    @Override
    public void noAckReceived(SipErrorEvent event) {
        Call call = (Call) event.getRequest().getApplicationSession().getAttribute(Call.ATTRIBUTE);
        LOG.warning(() -> "call " + event.getRequest().getCallId() + ": no ACK for its 200 within 64*T1; ended");
        endByGateway(call, 408, "No ACK for the 200 (RFC 3261 13.3.1.4)");
    }

    @Override
    public void noPrackReceived(SipErrorEvent event) {
        // The container ends unacknowledged reliable provisionals itself (RFC 3262 §3).
    }

    /** Ends an answered call from the gateway: BYE on every confirmed leg, and its record. */
    private void endByGateway(Call call, int status, String reason) {
        if (call == null || call.answered == null || call.ended()) {
            return;
        }
        for (SipSession leg : new SipSession[] {call.caller(), call.callee}) {
            try {
                if (leg != null && leg.isValid() && leg.getState() == SipSession.State.CONFIRMED) {
                    leg.createRequest("BYE").send();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "BYE not sent on " + leg + " (" + reason + ")", e);
            }
        }
        end(call, status, reason, "gateway");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A transfer failed after the referring party had left: the party that stays is alone, and is let go. */
    private void endAlone(Call call) {
        if (call.ended()) {
            return;
        }
        SipSession staying = call.retiredLegs.contains(call.caller().getId()) ? call.callee : call.caller();
        try {
            staying.createRequest("BYE").send();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "BYE after a failed transfer not sent", e);
        }
        end(call, 200, "Transfer failed after the referring party hung up", "gateway");
    }

    /**
     * Tells the container's gate the calls in progress, which it holds against the ceiling. Under the lock, the last
     * caller writes the latest count, so the gate never stays closed on a count that has dropped.
     */
    private synchronized void updateGate() {
        gate.callsInProgress(callsInProgress.get());
    }

    /** Ends the call once: its media released (and how it went noted) and its record written. */
    private void end(Call call, int status, String reason, String endedBy) {
        if (!call.ended()) {
            // The one place the counts go down: every way a call ends comes here once.
            callsInProgress.decrementAndGet();
            if (call.answered != null) {
                activeCalls.decrementAndGet();
            }
            updateGate();
            if (call.emergency) {
                activeEmergencyCalls.decrementAndGet();
            }
            directory.forget(call);
            transfers.abandon(call);
            dtmf.ended(call);
            write(call.end(status, reason, endedBy, media.end(call)));
        }
    }

    private void write(CallRecord record) {
        try {
            calls().record(record);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "call record of " + record.callId() + " not kept", e);
        }
    }

    private RoutingSnapshot routes() throws ServletException {
        if (routes == null) {
            try {
                routes = ((RoutingTable) Jndi.lookup(RoutingTable.JNDI)).snapshot();
            } catch (IllegalStateException e) {
                throw new ServletException(e.getMessage(), e);
            }
        }
        return routes;
    }

    private CallRecords calls() {
        if (records == null) {
            records = (CallRecords) Jndi.lookup(CallRecords.JNDI);
        }
        return records;
    }
}
