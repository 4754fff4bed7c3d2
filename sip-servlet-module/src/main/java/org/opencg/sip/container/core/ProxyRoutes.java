package org.opencg.sip.container.core;

import java.text.ParseException;
import java.util.Locale;
import java.util.Map;

import javax.sip.ListeningPoint;
import javax.sip.address.SipURI;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * The proxy's own entries in Record-Route and Route (RFC 3261 §16.6 step 4, §16.4). Our Record-Route URI names the
 * application session in a parameter, so a subsequent request finds its proxy without any per-dialog table.
 */
final class ProxyRoutes {

    /** URI parameter of our Record-Route entries naming the application session. */
    static final String SESSION_PARAMETER = "ocg";

    private ProxyRoutes() {
    }

    /**
     * Our Record-Route on {@code side} for {@code transport}, with the application's own parameters (JSR 289
     * {@code Proxy.getRecordRouteURI}) and the session parameter.
     */
    static RecordRouteHeader recordRoute(Side side, String transport, String applicationSessionId,
            Map<String, String> parameters) {
        ListeningPoint point = side.point(transport);
        try {
            SipURI uri = side.factories().addresses().createSipURI(null, point.getIPAddress());
            uri.setPort(point.getPort());
            if (!"udp".equalsIgnoreCase(point.getTransport())) {
                uri.setTransportParam(point.getTransport().toLowerCase(Locale.ROOT));
            }
            uri.setLrParam();
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                uri.setParameter(parameter.getKey(), parameter.getValue());
            }
            uri.setParameter(SESSION_PARAMETER, applicationSessionId);
            return side.factories().headers().createRecordRouteHeader(side.factories().addresses().createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a Record-Route for " + point, e);
        }
    }

    /** The application session our top Route entry names, or null when the top Route is not ours. */
    static String sessionOf(Request request, Sides sides) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route != null && route.getAddress().getURI() instanceof SipURI uri && uri.getParameter(SESSION_PARAMETER) != null
                && isOurs(uri, sides)) {
            return uri.getParameter(SESSION_PARAMETER);
        }
        return null;
    }

    /**
     * Removes the Route entries at the top that are ours (RFC 3261 §16.4; two of them when the call crosses
     * sides, RFC 5658) and returns the last one removed: its side is the one the request leaves on.
     */
    static SipURI popOurs(Request request, Sides sides) {
        SipURI last = null;
        while (request.getHeader(RouteHeader.NAME) instanceof RouteHeader route
                && route.getAddress().getURI() instanceof SipURI uri && isOurs(uri, sides)) {
            request.removeFirst(RouteHeader.NAME);
            last = uri;
        }
        return last;
    }

    /** The side a request leaves on after we popped {@code route}, the last of our entries it carried. */
    static Side exit(SipURI route, Sides sides) {
        return sides.owning(route.getHost(), port(route));
    }

    private static boolean isOurs(SipURI uri, Sides sides) {
        return sides.owns(uri.getHost(), port(uri));
    }

    /** RFC 3261 §19.1.2: no port means 5060, or 5061 for sips. */
    private static int port(SipURI uri) {
        return uri.getPort() > 0 ? uri.getPort() : uri.isSecure() ? 5061 : 5060;
    }
}
