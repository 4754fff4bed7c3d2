package org.opencg.sip.container.core;

import java.util.List;
import java.util.Locale;

import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/** The gateway's sides, and which one a message belongs to. */
public final class Sides {

    private final List<Side> all;

    Sides(List<Side> all) {
        this.all = List.copyOf(all);
    }

    List<Side> all() {
        return all;
    }

    Side of(SipProvider provider) {
        return all.stream().filter(s -> s.provider() == provider).findFirst()
                .orElseThrow(() -> new IllegalStateException("no side for provider " + provider));
    }

    Side named(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SIP side named " + name));
    }

    Side owning(String address, int port) {
        return all.stream().filter(s -> s.points().stream().anyMatch(p -> p.getIPAddress().equals(address)
                && (port < 0 || p.getPort() == port))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no listening point at " + address + ":" + port));
    }

    boolean owns(String address, int port) {
        return all.stream().anyMatch(s -> s.points().stream()
                .anyMatch(p -> p.getIPAddress().equals(address) && p.getPort() == port));
    }

    /**
     * The side to send a new request from: the one already chosen for its session when that side has the
     * transport the request needs, otherwise the first side that has it.
     */
    Side forRequest(Request request, Side preferred) {
        String transport = transportOf(request);
        if (preferred != null && preferred.has(transport)) {
            return preferred;
        }
        return all.stream().filter(s -> s.has(transport)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no listening point for transport " + transport));
    }

    /** The transport toward the next hop: top Route, else Request-URI (RFC 3263 §4.1 without DNS). */
    static String transportOf(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        URI target = route != null ? route.getAddress().getURI() : request.getRequestURI();
        if (target instanceof SipURI sip) {
            if (sip.getTransportParam() != null) {
                return sip.getTransportParam().toUpperCase(Locale.ROOT);
            }
            return sip.isSecure() ? "TLS" : "UDP";
        }
        return "UDP";
    }
}
