package org.opencg.sip.container.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Sheds new calls early when the servlets fall behind: while more than {@code limit} tasks wait for a worker, or the
 * oldest of them has waited longer than {@code delayLimitMillis} (set-up latency the caller would feel), a new
 * INVITE is answered 503 with Retry-After at once (RFC 3261 §21.5.4) instead of joining the queue, so calls in
 * progress (their ACKs, BYEs, re-INVITEs) keep their place and the backlog stops growing; calls to the dial strings
 * an application named as {@link PriorityCalls} (emergency calls) are always taken. An episode is logged when it
 * starts and when it ends, not per call.
 */
public final class Overload implements PriorityCalls {

    private static final Logger LOG = Logger.getLogger(Overload.class.getName());
    static final String DELAY_SETTING = "opencg.sip.overload.queue-delay-ms";
    /** Never sheds: for containers built without a worker pool to watch (tests). */
    public static final Overload NONE = new Overload(() -> 0, 0);

    private final IntSupplier waiting;
    private final int limit;
    private final LongSupplier oldestWait;
    private final long delayLimitMillis;
    private final AtomicBoolean shedding = new AtomicBoolean();
    private final AtomicLong shed = new AtomicLong();
    private final java.util.Set<String> neverShed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final CallGate gate = new CallGate();

    Overload(IntSupplier waiting, int limit) {
        this(waiting, limit, () -> 0, 0);
    }

    Overload(IntSupplier waiting, int limit, LongSupplier oldestWait, long delayLimitMillis) {
        this.waiting = waiting;
        this.limit = limit;
        this.oldestWait = oldestWait;
        this.delayLimitMillis = delayLimitMillis;
    }

    /** Sheds on a receiver's delay and the application's gate only, with no worker pool to watch. */
    public static Overload bounded(long delayLimitMillis) {
        return new Overload(() -> 0, 0, () -> 0, delayLimitMillis);
    }

    /** Watches the pool's queue; {@code limit} 0 turns shedding off, {@code delayLimitMillis} 0 the delay bound. */
    public static Overload watching(WorkerPool workers, int limit, long delayLimitMillis) {
        return new Overload(() -> workers.getQueue().size(), limit, workers::oldestWaitMillis, delayLimitMillis);
    }

    @Override
    public void neverShed(java.util.Set<String> dialStrings) {
        neverShed.addAll(dialStrings);
    }

    /** Is a new call to this dial string (its Request-URI's user, perhaps null) to be refused now? Counts it when so. */
    boolean shedsNewCall(String dialled) {
        if (limit <= 0 && delayLimitMillis <= 0 || isPriority(dialled)) {
            return false;
        }
        int backlog = waiting.getAsInt();
        long waited = delayLimitMillis > 0 ? oldestWait.getAsLong() : 0;
        boolean tooLong = delayLimitMillis > 0 && waited > delayLimitMillis;
        boolean over = limit > 0 && backlog > limit || tooLong;
        episode(over, tooLong ? "the oldest task has waited " + waited + " ms for a worker, over " + DELAY_SETTING + "="
                + delayLimitMillis : backlog + " tasks wait for a worker, over opencg.sip.overload.queued-tasks=" + limit);
        if (over) {
            shed.incrementAndGet();
        }
        return over;
    }

    /** A new call refused before the parser for its delay ({@link EarlyShedding}): counted, its episode logged once. */
    void shedForDelay(String why) {
        episode(true, why);
        shed.incrementAndGet();
    }

    private void episode(boolean over, String why) {
        if (shedding.compareAndSet(!over, over)) {
            LOG.warning(!over ? "SIP: no longer overloaded; new calls are taken again"
                    : "SIP: overloaded (" + why + "): new calls get 503 with Retry-After");
        }
    }

    /** Whether calls to this dial string are never refused (an application's {@link PriorityCalls}). */
    boolean isPriority(String dialled) {
        return dialled != null && neverShed.contains(dialled);
    }

    /** How long the oldest waiting work may wait before new calls are refused, in ms; 0 for no bound. */
    long delayLimitMillis() {
        return delayLimitMillis;
    }

    /** The application's call limit, held against its calls in progress. */
    public CallGate gate() {
        return gate;
    }

    /** New calls refused since the start. */
    public long shedCalls() {
        return shed.get();
    }
}
