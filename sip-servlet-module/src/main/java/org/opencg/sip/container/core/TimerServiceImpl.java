package org.opencg.sip.container.core;

import java.io.Serializable;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.TimerService;

/** Creates {@link ServletTimer}s; their expiry is delivered to the application's TimerListener. */
final class TimerServiceImpl implements TimerService {

    private final ContainerContext context;

    TimerServiceImpl(ContainerContext context) {
        this.context = context;
    }

    @Override
    public ServletTimer createTimer(SipApplicationSession session, long delay, boolean isPersistent, Serializable info) {
        return create(session, delay, 0, false, info);
    }

    @Override
    public ServletTimer createTimer(SipApplicationSession session, long delay, long period, boolean fixedDelay,
            boolean isPersistent, Serializable info) {
        if (period <= 0) {
            throw new IllegalArgumentException("a repeating timer needs a positive period");
        }
        return create(session, delay, period, !fixedDelay, info);
    }

    private ServletTimer create(SipApplicationSession session, long delay, long period, boolean fixedRate,
            Serializable info) {
        if (!session.isValid()) {
            throw new IllegalStateException("the application session is invalidated");
        }
        if (((AppSessionImpl) session).application().listeners().timerListener() == null) {
            throw new IllegalStateException("the application has no TimerListener (JSR 289 §20.1)");
        }
        return new ServletTimerImpl(context, (AppSessionImpl) session, Math.max(0, delay), period, fixedRate, info);
    }
}
