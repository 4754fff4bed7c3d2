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
public final class Overload implements PriorityCalls, NewCallGate {

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
    /** The application's call limit (0: none), the reason of its 503 past it, and its calls in progress. */
    private volatile int ceiling;
    private volatile String ceilingReason;
    private volatile int inProgress;
    /**
     * New INVITEs let through by the receiver and not yet given to the application, by transaction; one that never
     * arrives (dropped by the stack) leaves after a few seconds instead of closing the gate for good.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> onTheirWay =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000)
                    .expireAfterWrite(java.time.Duration.ofSeconds(4)).build();
    private final AtomicLong refusedAtGate = new AtomicLong();

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

    @Override
    public void limitCalls(int ceiling, String reasonPhrase) {
        this.ceilingReason = reasonPhrase;
        this.ceiling = ceiling;
    }

    @Override
    public void callsInProgress(int calls) {
        inProgress = calls;
    }

    /**
     * The reason of the application's {@link NewCallGate} while its calls and the new INVITEs on their way to it fill
     * its limit, null while there is room.
     */
    String gateReason() {
        int limit = ceiling;
        return limit > 0 && inProgress + onTheirWay.estimatedSize() >= limit ? ceilingReason : null;
    }

    /** A new INVITE let through by the receiver, on its way to the application ({@code key}: its transaction). */
    void onItsWay(String key) {
        onTheirWay.put(key, Boolean.TRUE);
    }

    /** A new INVITE has reached the container's dispatcher: no longer on its way. */
    void arrived(String key) {
        onTheirWay.invalidate(key);
    }

    void countRefusedAtGate() {
        refusedAtGate.incrementAndGet();
    }

    @Override
    public long refusedAtGate() {
        return refusedAtGate.get();
    }

    /** New calls refused since the start. */
    public long shedCalls() {
        return shed.get();
    }
}
