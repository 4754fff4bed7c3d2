package org.opencg.sip.container.message;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import javax.servlet.sip.Parameterable;

/** The parameter part of a {@link Parameterable}, shared by plain header values and addresses. */
abstract class HeaderParameters implements Parameterable {

    final Parameters parameters;

    HeaderParameters(Parameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public abstract HeaderParameters clone();

    @Override
    public String getParameter(String name) {
        return parameters.get(name);
    }

    @Override
    public Iterator<String> getParameterNames() {
        return parameters.names();
    }

    @Override
    public Set<Map.Entry<String, String>> getParameters() {
        return parameters.entries();
    }

    @Override
    public void setParameter(String name, String value) {
        parameters.set(name, value);
    }

    @Override
    public void removeParameter(String name) {
        parameters.remove(name);
    }
}
