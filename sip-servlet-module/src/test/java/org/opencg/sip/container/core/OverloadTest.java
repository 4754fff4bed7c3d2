package org.opencg.sip.container.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * When new calls are shed: only while the backlog is over its limit, never with the limit off, never to a priority
 * dial string.
 */
class OverloadTest {

    @Test
    void newCallsAreShedOnlyWhileTheBacklogIsOverTheLimit() {
        AtomicInteger backlog = new AtomicInteger();
        Overload overload = new Overload(backlog::get, 100);
        assertFalse(overload.shedsNewCall("+442079460000"));
        backlog.set(101);
        assertTrue(overload.shedsNewCall("+442079460000"));
        assertTrue(overload.shedsNewCall("+442079460000"));
        backlog.set(100);
        assertFalse(overload.shedsNewCall("+442079460000"), "the backlog is worked off");
        assertEquals(2, overload.shedCalls());
        assertFalse(new Overload(() -> 1_000_000, 0).shedsNewCall("+442079460000"), "0 turns shedding off");
    }

    @Test
    void callsToPriorityDialStringsAreNeverShed() {
        Overload overload = new Overload(() -> 1_000_000, 100);
        overload.neverShed(java.util.Set.of("911", "+44999"));
        assertFalse(overload.shedsNewCall("911"));
        assertFalse(overload.shedsNewCall("+44999"));
        assertTrue(overload.shedsNewCall("+442079460000"));
        assertTrue(overload.shedsNewCall(null));
        assertEquals(2, overload.shedCalls());
    }
}
