package org.opencg.sip.container.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import javax.servlet.sip.SipURI;

import org.opencg.sip.container.JainFactories;
import org.opencg.sip.container.message.SipUriImpl;

/** Everything of the running container that its parts share: factories, sides, executors, sessions, metrics. */
public final class ContainerContext {

    private final JainFactories factories;
    private final Sides sides;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final int applicationSessionMinutes;
    private final SessionRegistry sessions = new SessionRegistry(this);
    private final ContainerMetrics metrics = new ContainerMetrics();
    private final B2buaHelperImpl b2buaHelper = new B2buaHelperImpl(this);
    private final Map<String, Application> applications = new LinkedHashMap<>();

    private final java.util.concurrent.ScheduledFuture<?> sweeper;

    private final PeerAdmission peerAdmission;
    private final Overload overload;

    public ContainerContext(JainFactories factories, Sides sides, Executor executor, ScheduledExecutorService scheduler,
            int applicationSessionMinutes) {
        this(factories, sides, executor, scheduler, applicationSessionMinutes, (side, address) -> {
        }, Overload.NONE);
    }

    /**
     * @param peerAdmission where applications name their peers (see {@link PeerAdmission})
     * @param overload when new calls are shed
     */
    public ContainerContext(JainFactories factories, Sides sides, Executor executor, ScheduledExecutorService scheduler,
            int applicationSessionMinutes, PeerAdmission peerAdmission, Overload overload) {
        this.peerAdmission = peerAdmission;
        this.overload = overload;
        this.factories = factories;
        this.sides = sides;
        this.executor = executor;
        this.scheduler = scheduler;
        this.applicationSessionMinutes = applicationSessionMinutes;
        // One sweep a second finds expired application sessions: cheaper than a timer per call.
        this.sweeper = scheduler.scheduleWithFixedDelay(this::sweepExpired, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void sweepExpired() {
        long now = System.currentTimeMillis();
        sessions.all().forEach(session -> session.expireIfDue(now));
    }

    public JainFactories factories() {
        return factories;
    }

    Sides sides() {
        return sides;
    }

    Executor executor() {
        return executor;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    int applicationSessionMinutes() {
        return applicationSessionMinutes;
    }

    SessionRegistry sessions() {
        return sessions;
    }

    public ContainerMetrics metrics() {
        return metrics;
    }

    /** Live application sessions; for metrics and for tests that check nothing is left behind. */
    public int applicationSessionCount() {
        return sessions.size();
    }

    B2buaHelperImpl b2buaHelper() {
        return b2buaHelper;
    }

    Application application(String name) {
        Application application = applications.get(name);
        if (application == null) {
            throw new IllegalArgumentException("no SIP application named " + name);
        }
        return application;
    }

    /** Registers an application; returns it so servlets and listeners can be added. */
    public synchronized ApplicationHandle addApplication(String name) {
        Application application = applications.computeIfAbsent(name, n -> new Application(this, n));
        return new ApplicationHandle(application);
    }

    Map<String, Application> applications() {
        return applications;
    }

    /** JSR 289 §3.3: the listening points as SIP URIs, for the OUTBOUND_INTERFACES context attribute. */
    public Overload overload() {
        return overload;
    }

    PeerAdmission peerAdmission() {
        return peerAdmission;
    }

    List<SipURI> outboundInterfaces() {
        return sides.all().stream().flatMap(s -> s.points().stream()).map(p -> {
            try {
                javax.sip.address.SipURI uri = factories.addresses().createSipURI(null, p.getIPAddress());
                uri.setPort(p.getPort());
                uri.setTransportParam(p.getTransport());
                return (SipURI) new SipUriImpl(uri);
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public void destroy() {
        sweeper.cancel(false);
        for (AppSessionImpl session : List.copyOf(sessions.all())) {
            if (session.isValid()) {
                session.invalidate();
            }
        }
        applications.values().forEach(Application::destroy);
    }
}
