package org.opencg.sip.container;

import java.util.ArrayList;
import java.util.List;

/**
 * One socket the gateway listens on for a named side (e.g. {@code operator}): transport, address and port.
 * Written in configuration as {@code udp:127.0.0.1:5060}; a side lists several, comma-separated.
 */
public record ListeningPointSpec(String name, Transport transport, String address, int port) {

    /**
     * Parses the value of {@code opencg.sip.listening-point.<name>}.
     *
     * @throws InvalidSetting naming the setting and the bad entry
     */
    public static List<ListeningPointSpec> parseAll(String name, String value) {
        String setting = SipSettings.listeningPointSetting(name);
        List<ListeningPointSpec> specs = new ArrayList<>();
        if (value == null || value.isBlank()) {
            throw new InvalidSetting(setting, "is empty; expected e.g. udp:127.0.0.1:5060");
        }
        for (String entry : value.split(",")) {
            specs.add(parse(setting, name, entry.trim()));
        }
        return List.copyOf(specs);
    }

    private static ListeningPointSpec parse(String setting, String name, String entry) {
        int first = entry.indexOf(':');
        int last = entry.lastIndexOf(':');
        if (first < 0 || first == last) {
            throw new InvalidSetting(setting, "'" + entry + "' is not transport:address:port");
        }
        Transport transport = Transport.parse(entry.substring(0, first));
        if (transport == null) {
            throw new InvalidSetting(setting, "'" + entry + "' has no transport udp, tcp or tls");
        }
        String address = entry.substring(first + 1, last);
        if (address.isBlank()) {
            throw new InvalidSetting(setting, "'" + entry + "' has no address");
        }
        int port;
        try {
            port = Integer.parseInt(entry.substring(last + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new InvalidSetting(setting, "'" + entry + "' has no port between 1 and 65535");
        }
        return new ListeningPointSpec(name, transport, address, port);
    }

    @Override
    public String toString() {
        return transport.jainName() + ":" + address + ":" + port;
    }
}
