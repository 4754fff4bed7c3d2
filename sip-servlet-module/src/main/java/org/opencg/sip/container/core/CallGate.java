package org.opencg.sip.container.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The container's side of {@link NewCallGate}: the application's call limit and its calls in progress, held against
 * each other where a datagram arrives ({@link EarlyShedding}).
 */
public final class CallGate implements NewCallGate {

    /** The application's call limit (0: none), the reason of its 503 past it, and its calls in progress. */
    private volatile int ceiling;
    private volatile String ceilingReason;
    private volatile int inProgress;
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

    /** The 503's reason while the calls in progress fill the limit, null while there is room. */
    String reason() {
        int limit = ceiling;
        return limit > 0 && inProgress >= limit ? ceilingReason : null;
    }

    void countRefused() {
        refused.incrementAndGet();
    }
}
