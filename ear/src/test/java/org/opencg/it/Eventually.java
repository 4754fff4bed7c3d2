package org.opencg.it;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waiting for what the gateway does in the background (sync, DNS): poll until true, or fail saying what. */
final class Eventually {

    private Eventually() {
    }

    static void until(String what, Duration patience, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience.toSeconds() + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Polls until {@code value} gives something other than null, within 10 s, and returns it. */
    static <T> T value(String what, Callable<T> value) throws Exception {
        java.util.concurrent.atomic.AtomicReference<T> seen = new java.util.concurrent.atomic.AtomicReference<>();
        until(what, Duration.ofSeconds(10), () -> {
            seen.set(value.call());
            return seen.get() != null;
        });
        return seen.get();
    }
}
