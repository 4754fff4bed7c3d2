package org.opencg.sip.sbc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a group of peers from configuration, one setting per group (e.g. {@code opencg.sbc.peers.teams-region1}):
 * comma-separated {@code name=transport:host:port[;priority=N][;weight=N][;keepalive-user=U]}, e.g.
 * {@code sip=tls:sip.pstnhub.microsoft.com:5061;priority=1, sip2=tls:sip2.pstnhub.microsoft.com:5061;priority=2}.
 * Hosts are addresses or names (resolved when used); a bad entry is an IllegalArgumentException naming it, so
 * start-up can refuse it in one line.
 */
public final class PeerList {

    private static final Pattern ENTRY = Pattern.compile(
            "([A-Za-z0-9_.-]+)=(udp|tcp|tls):([A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\]):(\\d{1,5})((?:;[a-z-]+=[A-Za-z0-9+._-]+)*)");
    private static final Pattern PARAMETER = Pattern.compile(";([a-z-]+)=([A-Za-z0-9+._-]+)");

    private PeerList() {
    }

    public static List<Peer> parse(String text) {
        List<Peer> peers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (text == null || text.isBlank()) {
            return peers;
        }
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + entry + "' is not name=transport:host:port[;priority=N]"
                        + "[;weight=N] (transport udp, tcp or tls)");
            }
            int port = Integer.parseInt(m.group(4));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'" + entry + "': port " + port + " is out of range");
            }
            int priority = 1;
            int weight = 0;
            String keepAliveUser = null;
            Matcher p = PARAMETER.matcher(m.group(5));
            while (p.find()) {
                switch (p.group(1)) {
                    case "priority" -> priority = number(entry, p.group(2));
                    case "weight" -> weight = number(entry, p.group(2));
                    case "keepalive-user" -> keepAliveUser = p.group(2);
                    default -> throw new IllegalArgumentException("'" + entry + "': unknown parameter " + p.group(1));
                }
            }
            if (!names.add(m.group(1))) {
                throw new IllegalArgumentException("'" + entry + "': the name " + m.group(1) + " is used twice");
            }
            peers.add(new Peer(m.group(1), m.group(3), port, m.group(2), priority, weight, keepAliveUser));
        }
        return List.copyOf(peers);
    }

    private static int number(String entry, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "': " + value + " is not a number");
        }
    }
}
