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

    /**
     * A few slow tasks hurt set-up latency as much as many quick ones: with one worker held, the tasks behind it age
     * past the delay bound and new calls are shed though the queue is short; once the worker is free they are taken.
     */
    @Test
    void newCallsAreShedWhileTheOldestQueuedTaskHasWaitedTooLong() throws Exception {
        WorkerPool pool = new WorkerPool(1, Thread::new);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        try {
            Overload overload = Overload.watching(pool, 5000, 50);
            pool.execute(() -> {
                try {
                    held.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            pool.execute(() -> { });
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (pool.oldestWaitMillis() <= 50 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(overload.shedsNewCall("+442079460000"), "one task queued for " + pool.oldestWaitMillis() + " ms");
            held.countDown();
            while (!pool.getQueue().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, pool.oldestWaitMillis());
            assertFalse(overload.shedsNewCall("+442079460000"), "the queue is worked off");
            assertFalse(Overload.watching(pool, 0, 0).shedsNewCall("+442079460000"), "both bounds off");
        } finally {
            held.countDown();
            pool.shutdownNow();
        }
    }
}
