package org.opencg.sip.container.message;

import java.text.ParseException;
import java.util.Iterator;

import javax.servlet.sip.SipURI;
import javax.sip.InvalidArgumentException;

/** JSR 289 {@link SipURI} over a JAIN-SIP SipURI. */
public final class SipUriImpl extends UriImpl implements SipURI {

    private final javax.sip.address.SipURI uri;

    public SipUriImpl(javax.sip.address.SipURI uri) {
        this.uri = uri;
    }

    @Override
    javax.sip.address.SipURI jain() {
        return uri;
    }

    @Override
    public SipUriImpl clone() {
        return new SipUriImpl((javax.sip.address.SipURI) uri.clone());
    }

    private static IllegalArgumentException bad(String what, String value, Exception e) {
        return new IllegalArgumentException("invalid " + what + " '" + value + "': " + e.getMessage(), e);
    }

    @Override
    public String getParameter(String name) {
        String value = uri.getParameter(name);
        // JSR 289 §15.1: a parameter without value reads as "".
        return value == null && hasParameter(name) ? "" : value;
    }

    private boolean hasParameter(String name) {
        Iterator<?> names = uri.getParameterNames();
        while (names.hasNext()) {
            if (name.equalsIgnoreCase((String) names.next())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Iterator<String> getParameterNames() {
        return names(uri.getParameterNames());
    }

    @Override
    public void setParameter(String name, String value) {
        try {
            uri.setParameter(name, value);
        } catch (ParseException e) {
            throw bad("parameter " + name, value, e);
        }
    }

    @Override
    public void removeParameter(String name) {
        uri.removeParameter(name);
    }

    @Override
    public String getHeader(String name) {
        return uri.getHeader(name);
    }

    @Override
    public Iterator<String> getHeaderNames() {
        return names(uri.getHeaderNames());
    }

    @Override
    public void setHeader(String name, String value) {
        try {
            uri.setHeader(name, value);
        } catch (ParseException e) {
            throw bad("header " + name, value, e);
        }
    }

    @Override
    public void removeHeader(String name) {
        ((gov.nist.javax.sip.address.SipUri) uri).removeHeader(name);
    }

    @Override
    public String getHost() {
        return uri.getHost();
    }

    @Override
    public void setHost(String host) {
        try {
            uri.setHost(host);
        } catch (ParseException e) {
            throw bad("host", host, e);
        }
    }

    @Override
    public int getPort() {
        return uri.getPort();
    }

    @Override
    public void setPort(int port) {
        uri.setPort(port);
    }

    @Override
    public String getUser() {
        return uri.getUser();
    }

    @Override
    public void setUser(String user) {
        try {
            uri.setUser(user);
        } catch (ParseException e) {
            throw bad("user", user, e);
        }
    }

    @Override
    public String getUserPassword() {
        return uri.getUserPassword();
    }

    @Override
    public void setUserPassword(String password) {
        try {
            uri.setUserPassword(password);
        } catch (ParseException e) {
            throw bad("password", "***", e);
        }
    }

    @Override
    public String getUserParam() {
        return uri.getUserParam();
    }

    @Override
    public void setUserParam(String user) {
        try {
            uri.setUserParam(user);
        } catch (ParseException e) {
            throw bad("user parameter", user, e);
        }
    }

    @Override
    public boolean getLrParam() {
        return uri.hasLrParam();
    }

    @Override
    public void setLrParam(boolean lr) {
        if (lr) {
            uri.setLrParam();
        } else {
            uri.removeParameter("lr");
        }
    }

    @Override
    public String getMAddrParam() {
        return uri.getMAddrParam();
    }

    @Override
    public void setMAddrParam(String maddr) {
        try {
            uri.setMAddrParam(maddr);
        } catch (ParseException e) {
            throw bad("maddr", maddr, e);
        }
    }

    @Override
    public String getMethodParam() {
        return uri.getMethodParam();
    }

    @Override
    public void setMethodParam(String method) {
        try {
            uri.setMethodParam(method);
        } catch (ParseException e) {
            throw bad("method", method, e);
        }
    }

    @Override
    public String getTransportParam() {
        return uri.getTransportParam();
    }

    @Override
    public void setTransportParam(String transport) {
        try {
            uri.setTransportParam(transport);
        } catch (ParseException e) {
            throw bad("transport", transport, e);
        }
    }

    @Override
    public int getTTLParam() {
        return uri.getTTLParam();
    }

    @Override
    public void setTTLParam(int ttl) {
        try {
            uri.setTTLParam(ttl);
        } catch (InvalidArgumentException e) {
            throw bad("ttl", String.valueOf(ttl), e);
        }
    }

    @Override
    public boolean isSecure() {
        return uri.isSecure();
    }

    @Override
    public void setSecure(boolean secure) {
        uri.setSecure(secure);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
