package org.opencg.sip.container.message;

import java.text.ParseException;

import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.URI;

/** Wraps JAIN-SIP URIs in the JSR 289 types, and parses text into them. */
public final class Uris {

    private Uris() {
    }

    public static URI wrap(javax.sip.address.URI uri) {
        if (uri instanceof javax.sip.address.SipURI sip) {
            return new SipUriImpl(sip);
        }
        if (uri instanceof javax.sip.address.TelURL tel) {
            return new TelUrlImpl(tel);
        }
        return new GenericUriImpl(uri);
    }

    public static javax.sip.address.URI unwrap(URI uri) {
        return ((UriImpl) uri).jain();
    }

    public static URI parse(javax.sip.address.AddressFactory factory, String text) throws ServletParseException {
        try {
            return wrap(factory.createURI(text.trim()));
        } catch (ParseException e) {
            throw new ServletParseException("not a URI: " + text + " (" + e.getMessage() + ")");
        }
    }
}
