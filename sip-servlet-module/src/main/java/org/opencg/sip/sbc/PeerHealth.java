package org.opencg.sip.sbc;

import java.time.Duration;
import java.time.Instant;

/**
 * A peer's state as the OPTIONS keep-alive sees it (acg-behaviour.md §3.3): up after a 200, down after anything else
 * or no answer, and resting after a 503 with Retry-After (§3.2) until that time, even if its OPTIONS still answer.
 * Immutable: each event makes the next state.
 */
public record PeerHealth(boolean up, Instant restingUntil, String lastResult) {

    /** Never asked yet: not up, since Teams wants a 200 before calls (§3.3). */
    public static final PeerHealth UNKNOWN = new PeerHealth(false, Instant.EPOCH, "not asked yet");

    /** The state after an OPTIONS answer ({@code status} 0: no answer within the transaction timeout). */
    public PeerHealth afterOptions(int status) {
        return new PeerHealth(status == 200, restingUntil, status == 0 ? "no answer" : "OPTIONS " + status);
    }

    /** An INVITE answered 503 with Retry-After: not to be tried again before then. */
    public PeerHealth resting(Instant now, Duration retryAfter) {
        return new PeerHealth(up, now.plus(retryAfter), "503 Retry-After " + retryAfter.toSeconds());
    }

    /** Can a call be offered to it now? */
    public boolean usable(Instant now) {
        return up && !now.isBefore(restingUntil);
    }
}
