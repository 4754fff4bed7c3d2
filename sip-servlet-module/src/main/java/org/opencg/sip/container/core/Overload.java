package org.opencg.sip.container.core;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

/**
 * Sheds new calls early when the servlets fall behind: while more than {@code limit} tasks wait for a worker, a new
 * INVITE is answered 503 with Retry-After at once (RFC 3261 §21.5.4) instead of joining the queue, so calls in
 * progress (their ACKs, BYEs, re-INVITEs) keep their place and the backlog stops growing; calls to the dial strings
 * an application named as {@link PriorityCalls} (emergency calls) are always taken. An episode is logged when it
 * starts and when it ends, not per call.
 */
public final class Overload implements PriorityCalls {

    private static final Logger LOG = Logger.getLogger(Overload.class.getName());
    /** Never sheds: for containers built without a worker pool to watch (tests). */
    public static final Overload NONE = new Overload(() -> 0, 0);

    private final IntSupplier waiting;
    private final int limit;
    private final AtomicBoolean shedding = new AtomicBoolean();
    private final AtomicLong shed = new AtomicLong();
    private final java.util.Set<String> neverShed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Overload(IntSupplier waiting, int limit) {
        this.waiting = waiting;
        this.limit = limit;
    }

    /** Watches the pool's queue; {@code limit} 0 turns shedding off. */
    public static Overload watching(ThreadPoolExecutor workers, int limit) {
        return new Overload(() -> workers.getQueue().size(), limit);
    }

    @Override
    public void neverShed(java.util.Set<String> dialStrings) {
        neverShed.addAll(dialStrings);
    }

    /** Is a new call to this dial string (its Request-URI's user, perhaps null) to be refused now? Counts it when so. */
    boolean shedsNewCall(String dialled) {
        if (limit <= 0 || dialled != null && neverShed.contains(dialled)) {
            return false;
        }
        int backlog = waiting.getAsInt();
        boolean over = backlog > limit;
        if (shedding.compareAndSet(!over, over)) {
            LOG.warning(over ? "SIP: overloaded (" + backlog + " tasks wait for a worker, over "
                    + "opencg.sip.overload.queued-tasks=" + limit + "): new calls get 503 with Retry-After"
                    : "SIP: no longer overloaded; new calls are taken again");
        }
        if (over) {
            shed.incrementAndGet();
        }
        return over;
    }

    /** New calls refused since the start. */
    public long shedCalls() {
        return shed.get();
    }
}
