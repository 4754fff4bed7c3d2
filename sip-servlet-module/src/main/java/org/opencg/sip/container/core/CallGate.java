package org.opencg.sip.container.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The container's side of {@link NewCallGate}: the application's call limit and its calls in progress, and the new
 * INVITEs the receiver let through that have not reached the dispatcher yet, which count against the limit too (a
 * queue of them would otherwise all pass while the gate looks open).
 */
public final class CallGate implements NewCallGate {

    /** The application's call limit (0: none), the reason of its 503 past it, and its calls in progress. */
    private volatile int ceiling;
    private volatile String ceilingReason;
    private volatile int inProgress;
    /** By transaction; one the stack drops on the way leaves after a few seconds instead of closing the gate. */
    private final Cache<String, Boolean> onTheirWay = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(4)).build();
    private final AtomicLong refused = new AtomicLong();

    @Override
    public void limitCalls(int ceiling, String reasonPhrase) {
        this.ceilingReason = reasonPhrase;
        this.ceiling = ceiling;
    }

    @Override
    public void callsInProgress(int calls) {
        inProgress = calls;
    }

    @Override
    public long refusedAtGate() {
        return refused.get();
    }

    /** The 503's reason while the calls and those on their way fill the limit, null while there is room. */
    String reason() {
        int limit = ceiling;
        return limit > 0 && inProgress + onTheirWay.estimatedSize() >= limit ? ceilingReason : null;
    }

    /** A new INVITE let through by the receiver, on its way to the application ({@code key}: its transaction). */
    void onItsWay(String key) {
        onTheirWay.put(key, Boolean.TRUE);
    }

    /** A new INVITE has reached the dispatcher: no longer on its way. */
    void arrived(String key) {
        onTheirWay.invalidate(key);
    }

    void countRefused() {
        refused.incrementAndGet();
    }
}
