package org.opencg.sip.container.core;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;

import org.opencg.sip.container.JainFactories;
import javax.sip.header.ContactHeader;
import javax.sip.header.ViaHeader;

/**
 * One named side of the gateway ({@code operator}, {@code teams}, {@code isc}): a JAIN-SIP provider and its
 * listening points. Messages leave on the side they belong to, with that side's Via and Contact.
 */
record Side(String name, SipProvider provider, List<ListeningPoint> points, JainFactories factories) {

    /** The listening point for a transport, or the first one when the side has none of that transport. */
    ListeningPoint point(String transport) {
        for (ListeningPoint point : points) {
            if (point.getTransport().equalsIgnoreCase(transport)) {
                return point;
            }
        }
        return points.get(0);
    }

    boolean has(String transport) {
        return points.stream().anyMatch(p -> p.getTransport().equalsIgnoreCase(transport));
    }

    ViaHeader via(String transport) {
        ListeningPoint point = point(transport);
        try {
            return factories.headers().createViaHeader(point.getIPAddress(), point.getPort(),
                    point.getTransport(), null);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build a Via for " + point, e);
        }
    }

    /**
     * Contact of this side for the given transport, with the user part of the party it stands for, and the host
     * the application named ({@link SessionSides#contactHost}) or else the listening point's address.
     */
    ContactHeader contact(String transport, String user, String host) {
        ListeningPoint point = point(transport);
        try {
            SipURI uri = factories.addresses().createSipURI(user, host != null ? host : point.getIPAddress());
            uri.setPort(point.getPort());
            if (!"udp".equalsIgnoreCase(point.getTransport())) {
                uri.setTransportParam(point.getTransport().toLowerCase(Locale.ROOT));
            }
            return factories.headers().createContactHeader(factories.addresses().createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a Contact for " + point, e);
        }
    }
}
