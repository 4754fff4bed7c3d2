package org.opencg.sip.container.admission;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.opencg.core.config.StartupFailure;
import org.opencg.core.net.SourceAllowlist;

/**
 * Who may talk to the SIP sides, and how much: each side's address blocks besides its peers, the request rate a
 * source may send before it is banned, the connections a source and all sources may hold, and how long a
 * connection may stay silent or take over its TLS handshake. Every value has a safe default (see
 * docs/configuration.md); a bad one stops the start with a line naming it.
 */
public record AdmissionSettings(Map<String, SourceAllowlist> sides, int requestsPerSecond, int peerRequestsPerSecond,
        int strangerRequestsPerSecond, int banSeconds, List<String> scannerAgents, int maxConnections, int connectionsPerSource, int idleSeconds,
        int handshakeSeconds) {

    /**
     * Microsoft's SIP signalling ranges for Teams (Direct Routing and Operator Connect: 52.112.0.0/14 and
     * 52.122.0.0/15, Microsoft 365's "Teams SIP signalling" addresses), the Teams side's default besides its peers.
     */
    public static final String MICROSOFT_SIP_RANGES = "52.112.0.0/14,52.122.0.0/15";
    /** User-Agents of the scanners that look for open SIP servers to commit toll fraud through. */
    public static final String SCANNERS = "friendly-scanner,sipvicious,sipcli,sip-scan,vaxsipuseragent,iwar,"
            + "sundayddr,sipbomber,pplsip,smap";

    public static final String REQUESTS_PER_SECOND = "opencg.sip.flood.requests-per-second";
    public static final String PEER_REQUESTS_PER_SECOND = "opencg.sip.flood.peer-requests-per-second";
    public static final String STRANGER_REQUESTS_PER_SECOND = "opencg.sip.flood.stranger-requests-per-second";
    public static final String BAN_SECONDS = "opencg.sip.flood.ban-seconds";
    public static final String SCANNER_AGENTS = "opencg.sip.flood.scanner-user-agents";
    public static final String MAX_CONNECTIONS = "opencg.sip.connections.max";
    public static final String CONNECTIONS_PER_SOURCE = "opencg.sip.connections.per-source";
    public static final String IDLE_SECONDS = "opencg.sip.connections.idle-seconds";
    public static final String HANDSHAKE_SECONDS = "opencg.sip.tls.handshake-seconds";

    public static String allowedSourcesSetting(String side) {
        return "opencg.sip.listening-point." + side + ".allowed-sources";
    }

    /** Reads the settings of these sides; a value out of range fails the start naming its setting. */
    public static AdmissionSettings from(Config config, List<String> sideNames) {
        Map<String, SourceAllowlist> sides = new LinkedHashMap<>();
        for (String side : sideNames) {
            String setting = allowedSourcesSetting(side);
            String value = config.getOptionalValue(setting, String.class)
                    .orElse("teams".equals(side) ? MICROSOFT_SIP_RANGES : "");
            try {
                sides.put(side, SourceAllowlist.parse(value));
            } catch (IllegalArgumentException e) {
                throw new StartupFailure(setting, e.getMessage(), e);
            }
        }
        List<String> scanners = Arrays.stream(config.getOptionalValue(SCANNER_AGENTS, String.class).orElse(SCANNERS)
                .split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        return new AdmissionSettings(Map.copyOf(sides), number(config, REQUESTS_PER_SECOND, 1000, 0),
                number(config, PEER_REQUESTS_PER_SECOND, 0, 0), number(config, STRANGER_REQUESTS_PER_SECOND, 50, 0),
                number(config, BAN_SECONDS, 60, 1), scanners,
                number(config, MAX_CONNECTIONS, 1000, 1), number(config, CONNECTIONS_PER_SOURCE, 64, 1),
                number(config, IDLE_SECONDS, 120, 1), number(config, HANDSHAKE_SECONDS, 10, 1));
    }

    private static int number(Config config, String setting, int fallback, int least) {
        int value = config.getOptionalValue(setting, Integer.class).orElse(fallback);
        if (value < least) {
            throw new StartupFailure(setting, value + " is below " + least, null);
        }
        return value;
    }
}
