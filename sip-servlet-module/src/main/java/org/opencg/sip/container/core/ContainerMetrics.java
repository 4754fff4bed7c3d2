package org.opencg.sip.container.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the container counts: messages in and out by method and by response class, and the sessions alive.
 * Kept as plain counters so that the hot path costs one atomic increment; the metrics endpoint reads them.
 */
public final class ContainerMetrics {

    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final AtomicLong applicationSessions = new AtomicLong();
    private final AtomicLong sipSessions = new AtomicLong();

    void received(String method) {
        received.computeIfAbsent(method, k -> new AtomicLong()).incrementAndGet();
    }

    void received(int status) {
        received.computeIfAbsent(status / 100 + "xx", k -> new AtomicLong()).incrementAndGet();
    }

    void sent(String method) {
        sent.computeIfAbsent(method, k -> new AtomicLong()).incrementAndGet();
    }

    void sent(int status) {
        sent.computeIfAbsent(status / 100 + "xx", k -> new AtomicLong()).incrementAndGet();
    }

    void applicationSessionStarted() {
        applicationSessions.incrementAndGet();
    }

    void applicationSessionEnded() {
        applicationSessions.decrementAndGet();
    }

    void sipSessionStarted() {
        sipSessions.incrementAndGet();
    }

    void sipSessionEnded() {
        sipSessions.decrementAndGet();
    }

    /** Messages received, by method (INVITE, ...) or response class (2xx, ...). */
    public Map<String, Long> received() {
        return snapshot(received);
    }

    public Map<String, Long> sent() {
        return snapshot(sent);
    }

    public long applicationSessions() {
        return applicationSessions.get();
    }

    public long sipSessions() {
        return sipSessions.get();
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }
}
