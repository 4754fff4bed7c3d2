package org.opencg.sip.container;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.Config;

/** Reads the SIP listening points from MicroProfile Config. */
public final class SipSettings {

    public static final String LISTENING_POINTS = "opencg.sip.listening-points";
    public static final String APPLICATION_SESSION_MINUTES = "opencg.sip.application-session-minutes";
    public static final String DRAIN_SECONDS = "opencg.sip.drain-seconds";
    public static final String WORKER_THREADS = "opencg.sip.worker-threads";
    /** How many T1 (500 ms) an answered INVITE waits for its ACK before the call is ended (64: RFC 3261). */
    public static final String ACK_TIMEOUT_T1 = "opencg.sip.ack-timeout-t1";
    /** Tasks waiting for a worker above which new INVITEs are answered 503 (core.Overload); 0: never. */
    public static final String OVERLOAD_QUEUED_TASKS = "opencg.sip.overload.queued-tasks";
    /** How long the oldest task may wait for a worker before new INVITEs are answered 503; 0: no bound. */
    public static final String OVERLOAD_QUEUE_DELAY_MS = "opencg.sip.overload.queue-delay-ms";
    /**
     * Largest SIP message parsed at all, so that those over ACG's 10 KB (acg-behaviour.md §3.11) get their 513 from
     * {@link org.opencg.sip.container.core.MessageLimits}: UDP's own limit.
     */
    public static final int MAX_PARSED_BYTES = 64 * 1024;
    static final String DEFAULT_LISTENING_POINTS = "operator,teams,isc";
    /** Default listening points of each side (the defaults; ACG's Direct Routing trunks use 5063). */
    static final java.util.Map<String, String> DEFAULTS = java.util.Map.of(
            "operator", "udp:127.0.0.1:5060,tcp:127.0.0.1:5060,tls:127.0.0.1:5061",
            "teams", "tls:127.0.0.1:5063",
            "isc", "tls:127.0.0.1:5065");

    private SipSettings() {
    }

    /** The application that takes the initial requests arriving on a side. */
    public static String applicationSetting(String side) {
        return "opencg.sip.listening-point." + side + ".application";
    }

    public static String listeningPointSetting(String name) {
        return "opencg.sip.listening-point." + name;
    }

    /** Every configured listening point, side by side in the order configured. */
    public static List<ListeningPointSpec> listeningPoints(Config config) {
        String names = config.getOptionalValue(LISTENING_POINTS, String.class).orElse(DEFAULT_LISTENING_POINTS);
        List<ListeningPointSpec> all = new ArrayList<>();
        for (String name : names.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String value = config.getOptionalValue(listeningPointSetting(trimmed), String.class)
                    .orElse(DEFAULTS.get(trimmed));
            all.addAll(ListeningPointSpec.parseAll(trimmed, value));
        }
        return List.copyOf(all);
    }
}
