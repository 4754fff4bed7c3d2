package org.opencg.sip.container.message;

import java.util.Iterator;
import java.util.List;

import javax.servlet.sip.URI;

/** Common part of the JSR 289 URI views over a JAIN-SIP URI; the JAIN object is the one truth. */
abstract class UriImpl implements URI {

    abstract javax.sip.address.URI jain();

    @Override
    public abstract UriImpl clone();

    @Override
    public String getScheme() {
        return jain().getScheme();
    }

    @Override
    public boolean isSipURI() {
        return jain().isSipURI();
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Iterator<String> getParameterNames() {
        return List.<String>of().iterator();
    }

    @Override
    public void setParameter(String name, String value) {
        throw new IllegalArgumentException(getScheme() + " URIs take no parameters here");
    }

    @Override
    public void removeParameter(String name) {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UriImpl uri && jain().equals(uri.jain());
    }

    @Override
    public int hashCode() {
        return jain().hashCode();
    }

    @Override
    public String toString() {
        return jain().toString();
    }

    /** Parameters of a JAIN {@link javax.sip.header.Parameters}-like object, as JSR 289 wants them. */
    static Iterator<String> names(Iterator<?> jainNames) {
        List<String> names = new java.util.ArrayList<>();
        jainNames.forEachRemaining(n -> names.add((String) n));
        return names.iterator();
    }
}
