package org.opencg.sip.sbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.opencg.core.numbers.Service;
import org.opencg.core.routing.Route;
import org.opencg.core.routing.RoutingSnapshot;

/**
 * Where a call goes and what it carries, decided from the routing snapshot alone (issue 5: never the database per
 * call), as pure functions the B2BUA servlet calls and unit tests call without a container.
 */
public final class CallRouting {

    /** Where an operator trunk sits: unprovisioned numbers go to Operator Connect from fixed, Teams Phone Mobile
     *  from mobile trunks, as ACG does. */
    public enum TrunkKind { FIXED, MOBILE }

    /** The Microsoft or Zoom service a call from the operator goes to. */
    public enum Destination {
        OPERATOR_CONNECT(Service.OPERATOR_CONNECT), PHONE_MOBILE(Service.PHONE_MOBILE),
        DIRECT_ROUTING(Service.DIRECT_ROUTING), ZOOM(Service.ZOOM);

        private final Service service;

        Destination(Service service) {
            this.service = service;
        }

        /** The provisioned service of this name (the call record's service). */
        public Service service() {
            return service;
        }
    }

    /** What to do with a call. */
    public sealed interface Decision permits Forward, Refuse {
    }

    /**
     * Forward it: to {@code destination}; {@code account} and {@code tenant} when the number is provisioned;
     * {@code contactLabel} the Direct Routing subdomain label (Contact host {@code <label>.1r<n>.<base>} toward Teams);
     * {@code headers} to add on the leg toward the operator (tenant, custom header).
     */
    public record Forward(Destination destination, String account, String tenant, String contactLabel,
            Map<String, String> headers) implements Decision {
    }

    /** Refuse it with this status and reason phrase. */
    public record Refuse(int status, String reason) implements Decision {
    }

    /** How the operator leg is told the tenant and the number's custom header (deployment settings). */
    public record OperatorHeaders(String customHeaderName, boolean tenantInTgrp) {
    }

    public static final String FMC_HEADER = "X-MS-FMC";
    public static final String TENANT_HEADER = "X-MS-TenantID";

    private CallRouting() {
    }

    /**
     * A call from the operator to {@code called} (already E.164, or null when the trunk's rules made none). The
     * called number's custom header goes on the messages back toward the operator (acg-behaviour.md §3.10).
     * acg-behaviour.md checklist 29: an INVITE that already carries X-MS-FMC came back from Teams; sending it there
     * again would loop, so it is refused with 482 (RFC 3261 §8.2.2.2 Loop Detected).
     */
    public static Decision fromOperator(String called, boolean carriesFmc, TrunkKind trunk, RoutingSnapshot routes,
            String customHeaderName) {
        if (carriesFmc) {
            return new Refuse(482, "Loop Detected (X-MS-FMC: already through Teams)");
        }
        if (called == null) {
            return new Refuse(404, "Not Found (no E.164 number)");
        }
        Route route = routes.lookup(called);
        if (route == null) {
            return new Forward(trunk == TrunkKind.MOBILE ? Destination.PHONE_MOBILE : Destination.OPERATOR_CONNECT,
                    null, null, null, Map.of());
        }
        Set<Service> services = route.number().services();
        Destination destination = services.contains(Service.DIRECT_ROUTING) ? Destination.DIRECT_ROUTING
                : services.contains(Service.OPERATOR_CONNECT) ? Destination.OPERATOR_CONNECT
                : services.contains(Service.PHONE_MOBILE) ? Destination.PHONE_MOBILE
                : services.contains(Service.ZOOM) ? Destination.ZOOM : null;
        if (destination == null) {
            return new Refuse(404, "Not Found (no voice service on the number)");
        }
        return new Forward(destination, route.account().name(), route.account().teamsTenantId(),
                destination == Destination.DIRECT_ROUTING ? route.account().directRoutingSubdomain() : null,
                customHeader(route, customHeaderName));
    }

    /** The number's custom header, never for Teams Phone Mobile or Call Protection numbers (§3.10). */
    private static Map<String, String> customHeader(Route route, String name) {
        Set<Service> services = route.number().services();
        if (name == null || route.number().customSipHeader() == null || services.contains(Service.PHONE_MOBILE)
                || services.contains(Service.CALL_PROTECTION)) {
            return Map.of();
        }
        return Map.of(name, route.number().customSipHeader());
    }

    /**
     * A call from Teams or Zoom ({@code from}) by {@code calling} to the operator. Direct Routing calls are caller-ID
     * screened when the account arrived at ({@code drLabel}, from the derived trunk Teams targeted) says so: the
     * calling number must be one of its numbers (acg-behaviour.md checklist 26). The leg toward the operator gets the
     * tenant (OC/TPM, checklist 28) and the calling number's custom header (not for TPM or AOCP, checklist 27).
     */
    /**
     * A call from Teams for Operator Connect or Teams Phone Mobile whose calling number is not provisioned here,
     * refused with 403 where the operator provisions every number through OpenCG
     * ({@code opencg.sbc.provisioned-callers-only}). Off by default: ACG takes such calls, since provisioning
     * Operator Connect and Teams Phone Mobile numbers in it is optional (an operator may use Microsoft's API alone).
     * Direct Routing has its own screening (callScreening) and Zoom none.
     */
    public static java.util.Optional<Refuse> unprovisionedCaller(Destination from, String calling,
            RoutingSnapshot routes) {
        boolean teamsService = from == Destination.OPERATOR_CONNECT || from == Destination.PHONE_MOBILE;
        if (teamsService && (calling == null || routes.lookup(calling) == null)) {
            return java.util.Optional.of(new Refuse(403, "Forbidden (calling number not provisioned)"));
        }
        return java.util.Optional.empty();
    }

    public static Decision toOperator(Destination from, String calling, String drLabel, RoutingSnapshot routes,
            OperatorHeaders settings) {
        Route route = calling == null ? null : routes.lookup(calling);
        if (from == Destination.DIRECT_ROUTING && drLabel != null) {
            var screened = routes.accountBySubdomain(drLabel);
            if (screened != null && screened.callScreening()
                    && (route == null || !route.account().name().equals(screened.name()))) {
                return new Refuse(403, "Forbidden (calling number not on the account)");
            }
        }
        if (route == null) {
            return new Forward(from, null, null, null, Map.of());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String tenant = route.account().teamsTenantId();
        if ((from == Destination.OPERATOR_CONNECT || from == Destination.PHONE_MOBILE) && tenant != null) {
            headers.put(settings.tenantInTgrp() ? "tgrp" : TENANT_HEADER, tenant);
        }
        headers.putAll(customHeader(route, settings.customHeaderName()));
        return new Forward(from, route.account().name(), tenant, null, Map.copyOf(headers));
    }
}
