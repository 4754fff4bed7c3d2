package org.opencg.sip.container.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** When new calls are shed: only while the backlog is over its limit, and never with the limit off. */
class OverloadTest {

    @Test
    void newCallsAreShedOnlyWhileTheBacklogIsOverTheLimit() {
        AtomicInteger backlog = new AtomicInteger();
        Overload overload = new Overload(backlog::get, 100);
        assertFalse(overload.shedsNewCall());
        backlog.set(101);
        assertTrue(overload.shedsNewCall());
        assertTrue(overload.shedsNewCall());
        backlog.set(100);
        assertFalse(overload.shedsNewCall(), "the backlog is worked off");
        assertEquals(2, overload.shedCalls());
        assertFalse(new Overload(() -> 1_000_000, 0).shedsNewCall(), "0 turns shedding off");
    }
}
