package org.opencg.sip.sbc;

/**
 * A SIP peer of the gateway: an operator SBC, a Teams proxy ({@code sip}, {@code sip2}, {@code sip3}.pstnhub...) or
 * Zoom; where it is (host: an address or a name resolved by SRV/A), how (transport, port), and its place among the
 * peers of its group (lower priority first; weight shares load among equal priorities, RFC 2782).
 * {@code keepAliveUser}, when set, is the user part of the OPTIONS keep-alive's Request-URI, for a peer that answers
 * OPTIONS only for one of its users (a phone, some cores); Teams' proxies take none.
 */
public record Peer(String name, String host, int port, String transport, int priority, int weight,
        String keepAliveUser) {

    public Peer {
        if (weight < 0 || priority < 0) {
            throw new IllegalArgumentException(name + ": priority and weight are not negative");
        }
    }

    public Peer(String name, String host, int port, String transport, int priority, int weight) {
        this(name, host, port, transport, priority, weight, null);
    }

    /** The URI parameter that sends a request to this peer over its transport (none for UDP, the default). */
    public String transportParameter() {
        return "udp".equals(transport) ? "" : ";transport=" + transport;
    }
}
