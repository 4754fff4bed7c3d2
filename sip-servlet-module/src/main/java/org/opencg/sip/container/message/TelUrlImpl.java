package org.opencg.sip.container.message;

import java.text.ParseException;
import java.util.Iterator;

import javax.servlet.sip.TelURL;

/** JSR 289 {@link TelURL} over a JAIN-SIP TelURL (RFC 3966). */
public final class TelUrlImpl extends UriImpl implements TelURL {

    private final javax.sip.address.TelURL url;

    TelUrlImpl(javax.sip.address.TelURL url) {
        this.url = url;
    }

    @Override
    javax.sip.address.TelURL jain() {
        return url;
    }

    @Override
    public TelUrlImpl clone() {
        return new TelUrlImpl((javax.sip.address.TelURL) url.clone());
    }

    @Override
    public String getPhoneNumber() {
        return url.getPhoneNumber();
    }

    @Override
    public boolean isGlobal() {
        return url.isGlobal();
    }

    @Override
    public String getPhoneContext() {
        return url.getPhoneContext();
    }

    @Override
    public void setPhoneNumber(String number) {
        String digits = number.startsWith("+") ? number.substring(1) : number;
        try {
            url.setGlobal(number.startsWith("+"));
            url.setPhoneNumber(digits);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid phone number '" + number + "'", e);
        }
    }

    @Override
    public void setPhoneNumber(String number, String phoneContext) {
        try {
            url.setGlobal(false);
            url.setPhoneNumber(number);
            url.setPhoneContext(phoneContext);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid local phone number '" + number + "'", e);
        }
    }

    @Override
    public String getParameter(String name) {
        return url.getParameter(name);
    }

    @Override
    public Iterator<String> getParameterNames() {
        return names(url.getParameterNames());
    }

    @Override
    public void setParameter(String name, String value) {
        try {
            url.setParameter(name, value);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid parameter " + name, e);
        }
    }

    @Override
    public void removeParameter(String name) {
        url.removeParameter(name);
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
