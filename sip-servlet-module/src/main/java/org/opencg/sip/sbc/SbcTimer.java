package org.opencg.sip.sbc;

import java.io.Serializable;

/**
 * What one of the SBC's timers is for, as its info (serializable, JSR 289 §20.2): the SBC's {@code timeout}
 * switches on the kind. A timer about one leg names it, so that a timer that outlived its leg (a failover after the
 * peer answered, a ring limit after a transfer) is known for stale and ignored.
 *
 * @param legId the SIP session id of the leg it is about, null when it is about no leg
 */
record SbcTimer(Kind kind, String legId) implements Serializable {

    enum Kind {
        /** A round of OPTIONS to every peer. */
        KEEP_ALIVE,
        /** The synthetic test calls' schedule. */
        TEST_CALLS,
        /** A peer that has not answered within the failover time: the next peer gets the call. */
        FAILOVER,
        /** A callee that rang past the ring time: cancelled, the caller gets 408. */
        RING_LIMIT,
        /** An answered call that reached the longest call allowed. */
        CALL_LIMIT,
        /** A transfer target that rang past its limit: the transfer fails. */
        TRANSFER_RING_LIMIT
    }

    static SbcTimer of(Kind kind) {
        return new SbcTimer(kind, null);
    }

    static SbcTimer forLeg(Kind kind, String legId) {
        return new SbcTimer(kind, legId);
    }

    /** Whether the timer is about this leg (a session that is still the call's callee). */
    boolean isAbout(javax.servlet.sip.SipSession leg) {
        return leg != null && leg.getId().equals(legId);
    }
}
