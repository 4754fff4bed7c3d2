package org.opencg.sip.container.core;

import java.net.URL;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.URI;

/**
 * Everything of one call across its legs (JSR 289 §6.1): the SIP sessions, attributes, timers and an expiry.
 * All work for it runs on its {@link SerialQueue}, one task at a time.
 */
final class AppSessionImpl implements SipApplicationSession {

    private final ContainerContext context;
    private final String id;
    private final Application application;
    private final long created = System.currentTimeMillis();
    private final Attributes attributes = new Attributes();
    private final List<SipSessionImpl> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, ServletTimerImpl> timers = new ConcurrentHashMap<>();
    private final SerialQueue queue;
    private volatile long lastAccessed = created;
    private volatile boolean valid = true;
    private volatile boolean invalidateWhenReady = true;
    private volatile long expiresAt;
    private volatile boolean expiring;

    AppSessionImpl(ContainerContext context, Application application, String key) {
        this.context = context;
        this.application = application;
        this.id = key != null ? key : UUID.randomUUID().toString();
        this.queue = new SerialQueue(context.executor());
        setExpires(context.applicationSessionMinutes());
    }

    SerialQueue queue() {
        return queue;
    }

    void touch() {
        lastAccessed = System.currentTimeMillis();
    }

    SipSessionImpl newSipSession(String handler, Side side) {
        SipSessionImpl session = new SipSessionImpl(context, this, handler, side);
        sessions.add(session);
        context.metrics().sipSessionStarted();
        application.listeners().sipSessionCreated(session);
        return session;
    }

    void removed(SipSessionImpl session) {
        sessions.remove(session);
    }

    /** The SIP session proxying this call's initial request, if any. */
    SipSessionImpl proxySession() {
        for (SipSessionImpl session : sessions) {
            if (session.proxy() != null) {
                return session;
            }
        }
        return null;
    }

    List<SipSessionImpl> sipSessions() {
        return List.copyOf(sessions);
    }

    void timerAdded(ServletTimerImpl timer) {
        timers.put(timer.getId(), timer);
    }

    void timerEnded(ServletTimerImpl timer) {
        timers.remove(timer.getId());
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getApplicationName() {
        return application.name();
    }

    Application application() {
        return application;
    }

    @Override
    public long getCreationTime() {
        requireValid();
        return created;
    }

    @Override
    public long getLastAccessedTime() {
        return lastAccessed;
    }

    @Override
    public long getExpirationTime() {
        requireValid();
        return expiresAt;
    }

    /**
     * JSR 289 §6.1.2.2: a positive number of minutes from now; 0 or less means never. Returns the minutes granted.
     * Only the time is kept; {@link ContainerContext} sweeps for expired sessions, so a call costs no timer.
     */
    @Override
    public int setExpires(int minutes) {
        requireValid();
        expiresAt = minutes <= 0 ? 0 : System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(minutes);
        return minutes <= 0 ? Integer.MAX_VALUE : minutes;
    }

    /** Called by the sweeper: queues the expiry when the time has come. */
    void expireIfDue(long now) {
        if (valid && expiresAt > 0 && now >= expiresAt && !expiring) {
            expiring = true;
            queue.execute(this::expire);
        }
    }

    private void expire() {
        expiring = false;
        if (!valid || expiresAt == 0 || System.currentTimeMillis() < expiresAt) {
            return;
        }
        application.listeners().applicationSessionExpired(this);
        // A listener may have extended the session with setExpires.
        if (valid && expiresAt > 0 && System.currentTimeMillis() >= expiresAt) {
            invalidate();
        }
    }

    @Override
    public Object getAttribute(String name) {
        requireValid();
        return attributes.get(name);
    }

    @Override
    public Iterator<String> getAttributeNames() {
        requireValid();
        return attributes.names().iterator();
    }

    @Override
    public void setAttribute(String name, Object value) {
        requireValid();
        attributes.set(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        requireValid();
        attributes.remove(name);
    }

    @Override
    public Iterator<?> getSessions() {
        requireValid();
        return List.copyOf(sessions).iterator();
    }

    @Override
    public Iterator<?> getSessions(String protocol) {
        requireValid();
        return "SIP".equalsIgnoreCase(protocol) ? getSessions() : List.of().iterator();
    }

    @Override
    public SipSession getSipSession(String sessionId) {
        requireValid();
        return sessions.stream().filter(s -> s.getId().equals(sessionId)).findFirst().orElse(null);
    }

    @Override
    public Object getSession(String sessionId, Protocol protocol) {
        return protocol == Protocol.SIP ? getSipSession(sessionId) : null;
    }

    @Override
    public ServletTimer getTimer(String timerId) {
        requireValid();
        return timers.get(timerId);
    }

    @Override
    public Collection<ServletTimer> getTimers() {
        requireValid();
        return List.copyOf(timers.values());
    }

    @Override
    public void invalidate() {
        requireValid();
        valid = false;
        List.copyOf(timers.values()).forEach(ServletTimerImpl::cancel);
        for (SipSessionImpl session : List.copyOf(sessions)) {
            if (session.isValid()) {
                session.invalidate();
            }
        }
        context.sessions().remove(this);
        application.listeners().applicationSessionDestroyed(this);
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public boolean getInvalidateWhenReady() {
        return invalidateWhenReady;
    }

    @Override
    public void setInvalidateWhenReady(boolean invalidateWhenReady) {
        this.invalidateWhenReady = invalidateWhenReady;
    }

    /** JSR 289 §6.1.2.2.2: ready when no SIP session and no timer is left. */
    @Override
    public boolean isReadyToInvalidate() {
        return valid && sessions.isEmpty() && timers.isEmpty();
    }

    private void requireValid() {
        if (!valid) {
            throw new IllegalStateException("the application session " + id + " is invalidated");
        }
    }

    @Override
    public void encodeURI(URI uri) {
        throw Unsupported.method("SipApplicationSession", "encodeURI");
    }

    @Override
    public URL encodeURL(URL url) {
        throw Unsupported.method("SipApplicationSession", "encodeURL");
    }

    @Override
    public String toString() {
        return "SipApplicationSession[" + id + "]";
    }
}
