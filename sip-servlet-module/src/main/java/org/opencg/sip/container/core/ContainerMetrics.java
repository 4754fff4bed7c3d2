package org.opencg.sip.container.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the container counts: messages in and out by method and by response class, and the SIP sessions alive
 * (application sessions are counted by their registry).
 * Fixed keys, created up front, so that the hot path costs one map read and one atomic increment and the
 * metrics registry can bind every counter once at start-up.
 */
public final class ContainerMetrics {

    /** Methods counted by name; anything else counts as {@code OTHER}. */
    public static final List<String> METHODS = List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "PRACK", "UPDATE",
            "INFO", "REFER", "NOTIFY", "SUBSCRIBE", "MESSAGE", "REGISTER", "PUBLISH", "OTHER");
    public static final List<String> CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx", "6xx");

    private final Map<String, AtomicLong> received = counters();
    private final Map<String, AtomicLong> sent = counters();
    private final AtomicLong sipSessions = new AtomicLong();

    private static Map<String, AtomicLong> counters() {
        Map<String, AtomicLong> counters = new LinkedHashMap<>();
        METHODS.forEach(m -> counters.put(m, new AtomicLong()));
        CLASSES.forEach(c -> counters.put(c, new AtomicLong()));
        return Map.copyOf(counters);
    }

    private static AtomicLong method(Map<String, AtomicLong> counters, String method) {
        AtomicLong counter = counters.get(method);
        return counter != null ? counter : counters.get("OTHER");
    }

    private static AtomicLong responseClass(Map<String, AtomicLong> counters, int status) {
        AtomicLong counter = counters.get(status / 100 + "xx");
        return counter != null ? counter : counters.get("6xx");
    }

    void received(String method) {
        method(received, method).incrementAndGet();
    }

    void received(int status) {
        responseClass(received, status).incrementAndGet();
    }

    void sent(String method) {
        method(sent, method).incrementAndGet();
    }

    void sent(int status) {
        responseClass(sent, status).incrementAndGet();
    }

    void sipSessionStarted() {
        sipSessions.incrementAndGet();
    }

    void sipSessionEnded() {
        sipSessions.decrementAndGet();
    }


    /** Messages received with this method (INVITE, ...) or response class (2xx, ...). */
    public long receivedCount(String key) {
        return received.get(key).get();
    }

    public long sentCount(String key) {
        return sent.get(key).get();
    }

    public long sipSessions() {
        return sipSessions.get();
    }
}
