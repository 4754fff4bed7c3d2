package org.opencg.sip.container.core;

import java.util.Set;

/**
 * OpenCG's extension to JSR 289 for applications that carry calls that must never be refused for load, such as
 * emergency calls: an INVITE whose Request-URI user (a {@code sip:} URI's user, a {@code tel:} URI's number) is one
 * of the dial strings named here is never shed when the container is overloaded. Found in the ServletContext under
 * {@link #ATTRIBUTE}.
 */
public interface PriorityCalls {

    String ATTRIBUTE = "org.opencg.sip.PriorityCalls";

    /** INVITEs to these dial strings are taken whatever the load. */
    void neverShed(Set<String> dialStrings);
}
