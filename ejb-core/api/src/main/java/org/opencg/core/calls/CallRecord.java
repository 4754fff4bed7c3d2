package org.opencg.core.calls;

import java.time.Duration;
import java.time.Instant;

/**
 * One call through the SBC, written when it ends: who called whom, for which tenant, account and service, in which
 * direction, when it was set up, answered and ended, and why and by which side it ended. {@code answered} is null for
 * a call that never was; the duration counts from the answer.
 *
 * @param callId     the Call-ID of the call's first leg, so an engineer finds its SIP trace
 * @param direction  {@code to-microsoft} (from the operator network) or {@code to-operator}
 * @param service    {@code teamsOperatorConnect}, {@code teamsPhoneMobile}, {@code teamsDirectRouting}, {@code zoom}
 * @param peer       the peer the call was answered by (or last tried)
 * @param status     the SIP status that ended the call: the final error, or 200 for a call ended by BYE
 * @param endedBy    {@code caller}, {@code callee} or {@code gateway}
 * @param media      the media statistics of an anchored call; null when its media was not anchored
 */
public record CallRecord(String callId, String direction, String service, String tenant, String account,
        String calling, String called, String peer, Instant setup, Instant answered, Instant ended, int status,
        String reason, String endedBy, MediaQuality media) {

    /**
     * Every text cut to what its column holds (V8__call_records.sql): a peer's 300-character Call-ID or a long number
     * is recorded shortened, and can never make the batch it is written in fail, and with it every other call's.
     */
    public CallRecord {
        callId = cut(callId, 256);
        direction = cut(direction, 16);
        service = cut(service, 32);
        tenant = cut(tenant, 64);
        account = cut(account, 100);
        calling = cut(calling, 64);
        called = cut(called, 64);
        peer = cut(peer, 100);
        reason = cut(reason, 200);
        endedBy = cut(endedBy, 16);
    }

    private static String cut(String text, int columns) {
        return text == null || text.length() <= columns ? text : text.substring(0, columns);
    }

    public static final String TO_MICROSOFT = "to-microsoft";
    public static final String TO_OPERATOR = "to-operator";

    /**
     * Whether Teams is told this call's duration (CallDuration upload, acg-behaviour.md §5): an answered Operator
     * Connect or Teams Phone Mobile call of a known tenant.
     */
    public boolean reportsDuration() {
        return answered != null && tenant != null
                && ("teamsOperatorConnect".equals(service) || "teamsPhoneMobile".equals(service));
    }

    /** Time from answer to end; zero for a call never answered. */
    public Duration duration() {
        return answered == null || ended == null ? Duration.ZERO : Duration.between(answered, ended);
    }
}
