package org.opencg.sip.sbc;

import java.util.List;
import java.util.Set;

/**
 * Which calls from Microsoft and Zoom are emergency calls, and where they go (acg-behaviour.md §6): a call whose
 * dialled number (the Request-URI's user) is one of the deployment's emergency dial strings (ACG's default
 * {@code 911}, {@code 933}; Teams sends e.g. {@code 999}, Zoom {@code +<cc><short code>}). They go to the operator
 * like other calls, or, with {@code e911Type=DirectToEsrp} (US, Operator Connect and Teams Phone Mobile only), to the
 * configured Emergency Routing Service Provider peers. Pure data and one rule.
 *
 * @param numbers      the dial strings, each as the Request-URI carries it
 * @param directToEsrp e911Type DirectToEsrp rather than Standard
 * @param esrp         the ESRP peers, tried in order as trunk peers are
 * @param elinAsCaller a call to the operator carries the PIDF-LO's ELIN as its calling number (DR ELIN, for networks
 *                     without PIDF-LO); the call record keeps the caller
 */
public record EmergencyCalls(Set<String> numbers, boolean directToEsrp, List<Peer> esrp, boolean elinAsCaller) {

    static final String PIDF = "application/pidf+xml";

    public EmergencyCalls {
        numbers = Set.copyOf(numbers);
        esrp = List.copyOf(esrp);
        if (directToEsrp && esrp.isEmpty()) {
            throw new IllegalArgumentException("DirectToEsrp needs ESRP peers (opencg.emergency.esrp-peers)");
        }
    }

    public EmergencyCalls(Set<String> numbers, boolean directToEsrp, List<Peer> esrp) {
        this(numbers, directToEsrp, esrp, false);
    }

    /**
     * The ELIN an emergency call to the operator carries in place of its caller, if the deployment wants that and the
     * call's PIDF-LO has one; never toward an ESRP, which reads the PIDF-LO itself.
     */
    public java.util.Optional<String> elinFor(SessionBody body, boolean toEsrp) {
        return elinAsCaller && !toEsrp ? Elin.of(body.part(PIDF)) : java.util.Optional.empty();
    }

    /** Whether a call to this dialled number (a Request-URI's user, perhaps null) is an emergency call. */
    public boolean isEmergency(String dialled) {
        return dialled != null && numbers.contains(NumberNormalisation.stripVisualSeparators(dialled));
    }

    /**
     * Whether an emergency call of this service goes to the ESRP instead of the operator: DirectToEsrp applies to
     * Operator Connect and Teams Phone Mobile, never to Direct Routing or Zoom.
     */
    public boolean toEsrp(CallRouting.Destination from) {
        return directToEsrp && (from == CallRouting.Destination.OPERATOR_CONNECT
                || from == CallRouting.Destination.PHONE_MOBILE);
    }
}
