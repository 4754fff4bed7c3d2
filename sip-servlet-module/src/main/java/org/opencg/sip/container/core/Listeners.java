package org.opencg.sip.container.core;

import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.sip.SipApplicationSessionEvent;
import javax.servlet.sip.SipApplicationSessionListener;
import javax.servlet.sip.SipSessionEvent;
import javax.servlet.sip.SipSessionListener;
import javax.servlet.sip.TimerListener;

/** The @SipListener instances of one application, told of session and timer events (JSR 289 §6.4, §20). */
final class Listeners {

    private static final Logger LOG = Logger.getLogger(Listeners.class.getName());

    private final List<SipApplicationSessionListener> applicationSessions = new ArrayList<>();
    private final List<SipSessionListener> sipSessions = new ArrayList<>();
    private TimerListener timer;
    private final List<javax.servlet.sip.SipErrorListener> errors = new ArrayList<>();

    void add(EventListener listener) {
        if (listener instanceof SipApplicationSessionListener l) {
            applicationSessions.add(l);
        }
        if (listener instanceof SipSessionListener l) {
            sipSessions.add(l);
        }
        if (listener instanceof javax.servlet.sip.SipErrorListener l) {
            errors.add(l);
        }
        if (listener instanceof TimerListener l) {
            timer = l;
        }
    }

    TimerListener timerListener() {
        return timer;
    }

    void applicationSessionCreated(AppSessionImpl session) {
        SipApplicationSessionEvent event = new SipApplicationSessionEvent(session);
        applicationSessions.forEach(l -> safely(() -> l.sessionCreated(event)));
    }

    void applicationSessionDestroyed(AppSessionImpl session) {
        SipApplicationSessionEvent event = new SipApplicationSessionEvent(session);
        applicationSessions.forEach(l -> safely(() -> l.sessionDestroyed(event)));
    }

    void applicationSessionExpired(AppSessionImpl session) {
        SipApplicationSessionEvent event = new SipApplicationSessionEvent(session);
        applicationSessions.forEach(l -> safely(() -> l.sessionExpired(event)));
    }

    void sipSessionCreated(SipSessionImpl session) {
        SipSessionEvent event = new SipSessionEvent(session);
        sipSessions.forEach(l -> safely(() -> l.sessionCreated(event)));
    }

    void sipSessionDestroyed(SipSessionImpl session) {
        SipSessionEvent event = new SipSessionEvent(session);
        sipSessions.forEach(l -> safely(() -> l.sessionDestroyed(event)));
    }

    void timeout(ServletTimerImpl servletTimer) {
        if (timer != null) {
            timer.timeout(servletTimer);
        }
    }

    /** A 2xx the session sent was never acknowledged (JSR 289 §6.4.2.1); true when a listener was told. */
    boolean noAckReceived(javax.servlet.sip.SipErrorEvent event) {
        errors.forEach(l -> safely(() -> l.noAckReceived(event)));
        return !errors.isEmpty();
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SIP listener failed", e);
        }
    }
}
