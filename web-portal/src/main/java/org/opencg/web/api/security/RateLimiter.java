package org.opencg.web.api.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per client per minute (acg-behaviour.md §1.1: 100 a minute across all resources, a batch counting once
 * since it is one request). A fixed one-minute window per client: simple, and what a client reads from
 * {@code Retry-After} is exactly when its next window opens.
 */
public final class RateLimiter {

    private static final long WINDOW_MS = 60_000;

    private record Window(long start, int used) {
    }

    private final int perMinute;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, LongSupplier clockMillis) {
        this.perMinute = perMinute;
        this.clock = clockMillis;
    }

    /** Counts one request of the client; returns 0 when it may go ahead, else the seconds until it may retry. */
    public long acquire(String client) {
        long now = clock.getAsLong();
        Window window = windows.compute(client, (key, current) -> current == null || now - current.start >= WINDOW_MS
                ? new Window(now, 1) : new Window(current.start, current.used + 1));
        if (window.used <= perMinute) {
            return 0;
        }
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> now - w.start >= WINDOW_MS);
        }
        return Math.max(1, (window.start + WINDOW_MS - now + 999) / 1000);
    }

    public int perMinute() {
        return perMinute;
    }
}
