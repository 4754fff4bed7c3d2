package org.opencg.sip.container.core;

import java.io.Serializable;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;

/** A timer of an application session; it fires on the session's queue, so never concurrently with its messages. */
final class ServletTimerImpl implements ServletTimer {

    private final ContainerContext context;
    private final AppSessionImpl application;
    private final String id = UUID.randomUUID().toString();
    private final Serializable info;
    private final long period;
    private final boolean fixedRate;
    private volatile long next;
    private volatile ScheduledFuture<?> future;
    private volatile boolean cancelled;

    ServletTimerImpl(ContainerContext context, AppSessionImpl application, long delay, long period, boolean fixedRate,
            Serializable info) {
        this.context = context;
        this.application = application;
        this.info = info;
        this.period = period;
        this.fixedRate = fixedRate;
        this.next = System.currentTimeMillis() + delay;
        application.timerAdded(this);
        schedule(delay);
    }

    private void schedule(long delay) {
        future = context.scheduler().schedule(() -> application.queue().execute(this::fire), delay, TimeUnit.MILLISECONDS);
    }

    private void fire() {
        if (cancelled || !application.isValid()) {
            return;
        }
        long started = System.currentTimeMillis();
        try {
            application.application().listeners().timeout(this);
        } finally {
            if (period > 0 && !cancelled) {
                // Fixed rate keeps to the original schedule; fixed delay counts from this run (JSR 289 §20.2).
                long delay = fixedRate ? Math.max(0, next + period - System.currentTimeMillis()) : period;
                next = fixedRate ? next + period : started + period;
                schedule(delay);
            } else if (period <= 0) {
                application.timerEnded(this);
            }
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        ScheduledFuture<?> pending = future;
        if (pending != null) {
            pending.cancel(false);
        }
        application.timerEnded(this);
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return application;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Serializable getInfo() {
        return info;
    }

    @Override
    public long scheduledExecutionTime() {
        return next;
    }

    @Override
    public long getTimeRemaining() {
        return next - System.currentTimeMillis();
    }
}
