package org.opencg.sip.container.message;

import java.text.ParseException;
import java.util.Iterator;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;

/**
 * A name-addr or addr-spec with its header parameters (JSR 289 §4.1.3), e.g.
 * {@code "Alice" <sip:+4930123@op.example;user=phone>;tag=a1}. Reading one from a message gives a copy.
 */
public final class AddressImpl extends HeaderParameters implements Address {

    private final javax.sip.address.Address address;

    AddressImpl(javax.sip.address.Address address, Parameters parameters) {
        super(parameters);
        this.address = address;
    }

    public static AddressImpl of(URI uri, String displayName) {
        javax.sip.address.Address address = new gov.nist.javax.sip.address.AddressImpl();
        address.setURI(Uris.unwrap(uri.clone()));
        AddressImpl result = new AddressImpl(address, new Parameters());
        if (displayName != null) {
            result.setDisplayName(displayName);
        }
        return result;
    }

    /** Parses header text the way a Contact header value is parsed, so '*' and parameters work. */
    public static AddressImpl parse(HeaderFactory headers, String text) throws ServletParseException {
        try {
            ContactHeader contact = (ContactHeader) headers.createHeader(ContactHeader.NAME, text.trim());
            if (contact.isWildCard()) {
                return new AddressImpl(null, new Parameters());
            }
            return fromHeader(contact.getAddress(), contact);
        } catch (ParseException | ClassCastException e) {
            throw new ServletParseException("not an address: " + text);
        }
    }

    /** A copy of the address and parameters of a JAIN header such as From, To, Contact or Route. */
    public static AddressImpl fromHeader(javax.sip.address.Address address, javax.sip.header.Parameters header) {
        Parameters parameters = new Parameters();
        Iterator<?> names = header.getParameterNames();
        while (names.hasNext()) {
            String name = (String) names.next();
            parameters.set(name, header.getParameter(name));
        }
        return new AddressImpl((javax.sip.address.Address) address.clone(), parameters);
    }

    public javax.sip.address.Address jainAddress() {
        return address;
    }

    @Override
    public boolean isWildcard() {
        return address == null;
    }

    @Override
    public String getDisplayName() {
        return address == null ? null : address.getDisplayName();
    }

    @Override
    public void setDisplayName(String name) {
        try {
            address.setDisplayName(name);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid display name '" + name + "'", e);
        }
    }

    @Override
    public URI getURI() {
        return address == null ? null : Uris.wrap(address.getURI());
    }

    @Override
    public void setURI(URI uri) {
        address.setURI(Uris.unwrap(uri.clone()));
    }

    @Override
    public int getExpires() {
        String expires = parameters.get("expires");
        try {
            return expires == null ? -1 : Integer.parseInt(expires);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void setExpires(int seconds) {
        if (seconds < 0) {
            parameters.remove("expires");
        } else {
            parameters.set("expires", String.valueOf(seconds));
        }
    }

    @Override
    public float getQ() {
        String q = parameters.get("q");
        try {
            return q == null ? -1.0f : Float.parseFloat(q);
        } catch (NumberFormatException e) {
            return -1.0f;
        }
    }

    @Override
    public void setQ(float q) {
        if (q == -1.0f) {
            parameters.remove("q");
        } else if (q < 0.0f || q > 1.0f) {
            throw new IllegalArgumentException("q must be between 0.0 and 1.0");
        } else {
            parameters.set("q", String.valueOf(q));
        }
    }

    @Override
    public String getValue() {
        return address == null ? "*" : address.toString();
    }

    @Override
    public void setValue(String value) {
        throw new IllegalStateException("set the URI and display name of an Address instead of its value");
    }

    @Override
    public AddressImpl clone() {
        return new AddressImpl(address == null ? null : (javax.sip.address.Address) address.clone(), parameters.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressImpl a && toString().equals(a.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        if (address == null) {
            return "*";
        }
        // Always name-addr form: an addr-spec with parameters would give them to the URI (RFC 3261 §20.10).
        String nameAddr = address.toString();
        if (!nameAddr.contains("<")) {
            nameAddr = "<" + nameAddr + ">";
        }
        return nameAddr + parameters;
    }

}
