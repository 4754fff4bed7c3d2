package org.opencg.sip.sbc;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipURI;

import org.opencg.core.calls.CallRecord;
import org.opencg.core.numbers.Service;
import org.opencg.core.routing.Route;
import org.opencg.core.routing.RoutingSnapshot;
import org.opencg.sip.container.core.SessionSides;
import org.opencg.sip.sbc.CallRouting.Destination;

/**
 * What an initial INVITE becomes, before anything is sent: refused with a status, or a {@link Call} with the plan
 * of its second leg per peer (Request-URI, parties and headers in the far side's form, the SDP for it), from the
 * routing snapshot and the trunks' settings. The servlet does the signalling; this decides it.
 */
final class CallPlanner {

    /** What the INVITE becomes. */
    sealed interface Plan permits Refused, Accepted {
    }

    /** Refused with this status and reason phrase. */
    record Refused(int status, String reason) implements Plan, TargetPlan {
    }

    /** Where a transfer's target leg goes, or why it cannot. */
    sealed interface TargetPlan permits Refused, Target {
    }

    /** The target is on the Microsoft side or not, reached through these peers in turn. */
    record Target(boolean onMicrosoft, List<Peer> peers, LegPlan legs) implements TargetPlan {
    }

    /** A call, and how its second leg looks toward each peer. */
    record Accepted(Call call, LegPlan legs) implements Plan {
    }

    /** Builds the second leg's INVITE for a peer. */
    @FunctionalInterface
    interface LegPlan {
        LegRequests.Leg forPeer(Peer peer);
    }

    private final SbcSettings settings;
    private final PeerMonitor monitor;
    private final boolean makesOffers;

    /** @param makesOffers whether the media anchor makes offers for offerless INVITEs */
    CallPlanner(SbcSettings settings, PeerMonitor monitor, boolean makesOffers) {
        this.settings = settings;
        this.monitor = monitor;
        this.makesOffers = makesOffers;
    }

    /** A call from the operator's network, to Teams or Zoom, on {@code trunk} (null: not from a trunk's peer). */
    Plan fromOperator(SipServletRequest invite, Trunk trunk, RoutingSnapshot routes) throws IOException {
        if (trunk == null) {
            return new Refused(403, "Forbidden (not a peer of an operator trunk)");
        }
        String called = trunk.numbers().toE164(SipValues.userOf(invite.getRequestURI()));
        CallRouting.Decision decision = CallRouting.fromOperator(called,
                invite.getHeader(CallRouting.FMC_HEADER) != null, trunk.kind(), routes, settings.customHeader());
        if (decision instanceof CallRouting.Refuse refuse) {
            return new Refused(refuse.status(), refuse.reason());
        }
        CallRouting.Forward forward = (CallRouting.Forward) decision;
        boolean offerless = invite.getContentLength() <= 0;
        if (offerless && !makesOffers) {
            // Teams takes no offerless INVITE (acg-behaviour.md §3.7); only the media anchor can offer for it.
            return new Refused(488, "Not Acceptable Here (INVITE without SDP offer)");
        }
        SdpPolicy policy = forward.destination() == Destination.ZOOM ? SdpPolicy.ZOOM : SdpPolicy.TEAMS;
        SdpNormaliser.Result sdp = offerless ? null : SdpNormaliser.normalise(SipValues.sdp(invite), policy);
        if (sdp != null && !sdp.audioUsable()) {
            return new Refused(488, "Not Acceptable Here (no codec Microsoft takes)");
        }
        String calling = trunk.numbers().toE164(SipValues.userOf(SipValues.assertedOrFrom(invite)));
        List<Peer> group = forward.destination() == Destination.ZOOM ? settings.zoom() : settings.teams();
        Call call = new Call(CallRecord.TO_MICROSOFT, forward.destination().service().property(), forward.tenant(),
                forward.account(), calling, called, invite, monitor.order(group));
        call.towardCaller = forward.headers();
        call.trunk = trunk;
        call.dtmfInfo = trunk.dtmfInfo();
        call.comfortNoise = trunk.comfortNoise();
        call.operatorCodecs = trunk.codecs();
        call.callerProvisional = trunk.provisional();
        String contactHost = settings.baseDomain() == null ? null
                : TeamsLeg.contactHost(forward.contactLabel(), settings.region(), settings.baseDomain());
        return new Accepted(call, peer -> {
            String host = peer.host();
            String uri = TeamsLeg.numberUri(called, host, peer.port()) + peer.transportParameter();
            String fromHost = contactHost != null ? contactHost : SessionSides.addressOf(invite.getSession(),
                    KeepAlive.TEAMS_SIDE);
            String caller = calling != null ? TeamsLeg.numberUri(calling, fromHost, 0) : null;
            return new LegRequests.Leg(KeepAlive.TEAMS_SIDE, uri,
                    caller != null ? SipValues.displayed(invite, caller) : "<sip:anonymous@anonymous.invalid>",
                    "<" + TeamsLeg.numberUri(called, host, 0) + ">",
                    caller != null ? "<" + caller + ">" : null, contactHost,
                    Map.of("X-MS-SBC", settings.xMsSbc()), sdp == null ? null : sdp.sdp());
        });
    }

    /** A call from Teams (or Zoom) to the operator's network. */
    Plan fromMicrosoft(SipServletRequest invite, RoutingSnapshot routes) throws IOException {
        boolean zoom = settings.zoom().stream().anyMatch(p -> p.host().equals(invite.getRemoteAddr()));
        String drLabel = zoom ? null : invite.getRequestURI() instanceof SipURI sip
                ? TeamsLeg.directRoutingLabel(sip.getHost(), settings.baseDomain()) : null;
        String calling = SipValues.e164(SipValues.userOf(SipValues.assertedOrFrom(invite)));
        String called = SipValues.e164(SipValues.userOf(invite.getRequestURI()));
        Route callingRoute = calling == null ? null : routes.lookup(calling);
        Destination from = zoom ? Destination.ZOOM : drLabel != null ? Destination.DIRECT_ROUTING
                : callingRoute != null && callingRoute.number().services().contains(Service.PHONE_MOBILE)
                        ? Destination.PHONE_MOBILE : Destination.OPERATOR_CONNECT;
        String dialled = SipValues.userOf(invite.getRequestURI());
        if (settings.emergency().isEmergency(dialled)) {
            return emergency(invite, from, calling, dialled, drLabel, routes);
        }
        if (settings.provisionedCallersOnly()) {
            var refused = CallRouting.unprovisionedCaller(from, calling, routes);
            if (refused.isPresent()) {
                return new Refused(refused.get().status(), refused.get().reason());
            }
        }
        Trunk trunk = trunkFrom(from);
        CallRouting.Decision decision = toOperator(from, calling, drLabel, routes, trunk);
        if (decision instanceof CallRouting.Refuse refuse) {
            return new Refused(refuse.status(), refuse.reason());
        }
        if (called == null) {
            return new Refused(404, "Not Found (Request-URI is not an E.164 number)");
        }
        CallRouting.Forward forward = (CallRouting.Forward) decision;
        SdpNormaliser.Result sdp = invite.getContentLength() > 0
                ? SdpNormaliser.normalise(SipValues.sdp(invite), SdpPolicy.OPERATOR) : null;
        if (sdp == null || !sdp.audioUsable()) {
            return new Refused(488, "Not Acceptable Here (no audio offer)");
        }
        if (settings.baseDomain() != null) {
            // Our answers carry the FQDN Teams addressed (acg-behaviour.md §3.4), not our listening address.
            SessionSides.contactHost(invite.getSession(),
                    TeamsLeg.contactHost(drLabel, settings.region(), settings.baseDomain()));
        }
        String calledThere = trunk.numbers().toOperator(called);
        String callingThere = calling == null ? null : trunk.numbers().toOperator(calling);
        Map<String, String> headers = new LinkedHashMap<>(forward.headers());
        String tenantGroup = headers.remove("tgrp");
        Call call = new Call(CallRecord.TO_OPERATOR, from.service().property(), forward.tenant(), forward.account(), calling,
                called, invite, monitor.order(trunk.peers()));
        call.trunk = trunk;
        call.dtmfInfo = trunk.dtmfInfo();
        call.comfortNoise = trunk.comfortNoise();
        call.operatorCodecs = trunk.codecs();
        String ownHost = SessionSides.addressOf(invite.getSession(), KeepAlive.OPERATOR_SIDE);
        redirection(invite, trunk, ownHost, headers);
        return new Accepted(call, peer -> operatorLeg(peer, calledThere, tenantGroup, callingThere, ownHost,
                headers, uri -> SipValues.displayed(invite, uri), sdp.sdp()));
    }

    /**
     * An emergency call (acg-behaviour.md §6): never refused for its caller, its number or its body. It goes to the
     * operator trunk of its service with the number as dialled and the caller's tenant headers when the caller is
     * known, or, with DirectToEsrp, to the ESRP peers without them; its body (SDP and PIDF-LO) crosses whole, only
     * the SDP anchored.
     */
    private Plan emergency(SipServletRequest invite, Destination from, String calling, String dialled, String drLabel,
            RoutingSnapshot routes) throws IOException {
        Trunk trunk = trunkFrom(from);
        boolean esrp = settings.emergency().toEsrp(from);
        CallRouting.Decision decision = toOperator(from, calling, drLabel, routes, trunk);
        CallRouting.Forward forward = decision instanceof CallRouting.Forward known ? known : null;
        Map<String, String> headers = new LinkedHashMap<>(forward == null || esrp ? Map.of() : forward.headers());
        String tenantGroup = headers.remove("tgrp");
        if (settings.baseDomain() != null) {
            SessionSides.contactHost(invite.getSession(),
                    TeamsLeg.contactHost(drLabel, settings.region(), settings.baseDomain()));
        }
        SdpNormaliser.Result sdp = SipValues.carriesSdp(invite)
                ? SdpNormaliser.normalise(SipValues.sdp(invite), SdpPolicy.OPERATOR) : null;
        // An ESRP takes E.164 (it is no operator core); the operator's trunk its own form. A network without PIDF-LO
        // may want the ELIN in place of the caller: it routes on that.
        String shown = settings.emergency().elinFor(SipValues.body(invite), esrp).orElse(calling);
        String callingThere = shown == null || esrp ? shown : trunk.numbers().toOperator(shown);
        Call call = new Call(CallRecord.TO_OPERATOR, from.service().property(),
                forward == null ? null : forward.tenant(), forward == null ? null : forward.account(), calling,
                dialled, invite, everyPeer(esrp ? settings.emergency().esrp() : trunk.peers()));
        call.emergency = true;
        call.trunk = esrp ? null : trunk;
        call.dtmfInfo = trunk.dtmfInfo();
        call.comfortNoise = trunk.comfortNoise();
        call.operatorCodecs = trunk.codecs();
        String ownHost = SessionSides.addressOf(invite.getSession(), KeepAlive.OPERATOR_SIDE);
        return new Accepted(call, peer -> operatorLeg(peer, dialled, tenantGroup, callingThere, ownHost, headers,
                uri -> SipValues.displayed(invite, uri), sdp == null ? SipValues.sdp(invite) : sdp.sdp()));
    }

    /** Every peer of the group: those usable now in their order, then the others (an emergency call tries all). */
    private List<Peer> everyPeer(List<Peer> group) {
        List<Peer> ordered = new java.util.ArrayList<>(monitor.order(group));
        group.stream().filter(peer -> !ordered.contains(peer)).forEach(ordered::add);
        return ordered;
    }

    /** The operator trunk calls from this Microsoft service leave on: Teams Phone Mobile's on a mobile trunk. */
    private Trunk trunkFrom(Destination from) {
        return settings.trunkFor(from == Destination.PHONE_MOBILE
                ? CallRouting.TrunkKind.MOBILE : CallRouting.TrunkKind.FIXED);
    }

    private CallRouting.Decision toOperator(Destination from, String calling, String drLabel, RoutingSnapshot routes,
            Trunk trunk) {
        return CallRouting.toOperator(from, calling, drLabel, routes,
                new CallRouting.OperatorHeaders(settings.customHeader(), trunk.tenantInTgrp()));
    }

    /**
     * How Teams forwarded the call (its History-Info), in the form the trunk's cores read: History-Info rebuilt at
     * the gateway's host, or Diversion (acg-behaviour.md §3.9). Teams' own History-Info never crosses as it came.
     */
    private static void redirection(SipServletRequest invite, Trunk trunk, String ownHost, Map<String, String> headers) {
        List<String> values = new java.util.ArrayList<>();
        invite.getHeaders("History-Info").forEachRemaining(values::add);
        List<Redirection.Entry> history = Redirection.historyInfo(values);
        boolean diversion = trunk.redirection() == Redirection.Form.DIVERSION;
        String value = diversion ? Redirection.diversion(history, trunk.numbers()::toOperator, ownHost)
                : Redirection.historyInfo(history, trunk.numbers()::toOperator, ownHost);
        if (!value.isEmpty()) {
            headers.put(diversion ? "Diversion" : "History-Info", value);
        }
    }

    /**
     * The INVITE toward an operator peer: the numbers in the trunk's form, the tenant in the Request-URI's
     * {@code tgrp} when the trunk wants it there (RFC 4904), the tenant and custom headers otherwise.
     */
    private LegRequests.Leg operatorLeg(Peer peer, String calledThere, String tenantGroup, String callingThere,
            String ownHost, Map<String, String> headers, java.util.function.UnaryOperator<String> displayed,
            String sdp) {
        String target = tenantGroup != null
                ? LegHeaders.trunkGroupUri(calledThere, tenantGroup, settings.trunkContext(), peer.host())
                : "sip:" + calledThere + "@" + peer.host() + ";user=phone";
        String uri = target.replace("@" + peer.host(), "@" + peer.host() + ":" + peer.port())
                + peer.transportParameter();
        String caller = callingThere != null ? "sip:" + callingThere + "@" + ownHost + ";user=phone" : null;
        return new LegRequests.Leg(KeepAlive.OPERATOR_SIDE, uri,
                caller != null ? displayed.apply(caller) : "<sip:anonymous@anonymous.invalid>",
                "<sip:" + calledThere + "@" + peer.host() + ";user=phone>",
                caller != null ? "<" + caller + ">" : null, null, headers, sdp);
    }

    /**
     * The new leg a REFER from the Microsoft party asks for (acg-behaviour.md §3.8), from the party that stays: to a
     * PSTN number over the operator trunk the referring party's service uses (with its tenant and custom headers,
     * as a call from it would have), or back to Teams for a Teams user. Its SDP is set when it is sent.
     */
    TargetPlan transferTarget(Call call, TransferTarget target, boolean referrerIsCaller, RoutingSnapshot routes) {
        String staying = referrerIsCaller ? call.called : call.calling;
        String referrer = referrerIsCaller ? call.calling : call.called;
        SipSession any = call.caller();
        if (target.backToTeams()) {
            String contactHost = settings.baseDomain() == null ? null
                    : TeamsLeg.contactHost(null, settings.region(), settings.baseDomain());
            String fromHost = contactHost != null ? contactHost : SessionSides.addressOf(any, KeepAlive.TEAMS_SIDE);
            String caller = staying != null ? TeamsLeg.numberUri(staying, fromHost, 0) : null;
            return new Target(true, monitor.order(settings.teams()), peer -> new LegRequests.Leg(KeepAlive.TEAMS_SIDE,
                    target.teamsUriAt(peer.host(), peer.port()) + peer.transportParameter(),
                    caller != null ? "<" + caller + ">" : "<sip:anonymous@anonymous.invalid>",
                    "<" + target.teamsUri() + ">", caller != null ? "<" + caller + ">" : null, contactHost,
                    Map.of("X-MS-SBC", settings.xMsSbc()), null));
        }
        Destination from = java.util.Arrays.stream(Destination.values())
                .filter(d -> d.service().property().equals(call.service)).findFirst()
                .orElse(Destination.OPERATOR_CONNECT);
        Trunk trunk = trunkFrom(from);
        CallRouting.Decision decision = toOperator(from, referrer, null, routes, trunk);
        if (decision instanceof CallRouting.Refuse refuse) {
            return new Refused(refuse.status(), refuse.reason());
        }
        Map<String, String> headers = new LinkedHashMap<>(((CallRouting.Forward) decision).headers());
        String tenantGroup = headers.remove("tgrp");
        String ownHost = SessionSides.addressOf(any, KeepAlive.OPERATOR_SIDE);
        String calledThere = trunk.numbers().toOperator(target.number());
        String callingThere = staying == null ? null : trunk.numbers().toOperator(staying);
        return new Target(false, monitor.order(trunk.peers()), peer -> operatorLeg(peer, calledThere, tenantGroup,
                callingThere, ownHost, headers, uri -> "<" + uri + ">", null));
    }
}
