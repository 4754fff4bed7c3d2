package org.opencg.sip.sbc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.TooManyHopsException;

import org.opencg.sip.container.core.SessionSides;

/**
 * Makes the INVITE of a call's second leg from the first (JSR 289 §12 B2BUA copy), for one peer: the Request-URI,
 * From, To and P-Asserted-Identity in the form that side wants, the side's own headers, the normalised SDP (in the
 * caller's multipart body when it sent one), and nothing of the other side's path, equipment or private headers
 * (topology hiding).
 */
final class LegRequests {

    /** What the second leg carries besides the copy. */
    record Leg(String side, String requestUri, String from, String to, String assertedIdentity, String contactHost,
            Map<String, String> headers, String sdp) {

        Leg withSdp(String other) {
            return new Leg(side, requestUri, from, to, assertedIdentity, contactHost, headers, other);
        }
    }

    private final SipFactory factory;

    LegRequests(SipFactory factory) {
        this.factory = factory;
    }

    SipServletRequest create(SipServletRequest original, Leg leg) throws ServletException {
        SipServletRequest request;
        try {
            request = original.getB2buaHelper().createRequest(original, true,
                    Map.of("From", List.of(leg.from()), "To", List.of(leg.to())));
        } catch (TooManyHopsException e) {
            throw new ServletException(e.getMessage(), e);
        }
        request.setRequestURI(factory.createURI(leg.requestUri()));
        withoutOtherSidesHeaders(request);
        if (leg.assertedIdentity() != null) {
            request.setHeader("P-Asserted-Identity", leg.assertedIdentity());
        }
        leg.headers().forEach(request::setHeader);
        try {
            if (leg.sdp() == null) {
                request.setContent(null, "application/sdp");
            } else {
                // A multipart body (an emergency call's SDP and PIDF-LO) crosses whole, only its SDP replaced.
                SipValues.setSdp(request, leg.sdp(), original);
            }
        } catch (java.io.IOException e) {
            throw new ServletException(e);
        }
        SessionSides.useSide(request.getSession(), leg.side());
        SessionSides.contactHost(request.getSession(), leg.contactHost());
        return request;
    }

    /** Removes what the copy of a message from the other leg must not carry (LegHeaders). */
    static void withoutOtherSidesHeaders(SipServletMessage message) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = message.getHeaderNames(); it.hasNext();) {
            names.add(it.next());
        }
        for (String name : names) {
            if (LegHeaders.removedFromCopy(name)) {
                message.removeHeader(name);
            }
        }
    }
}
