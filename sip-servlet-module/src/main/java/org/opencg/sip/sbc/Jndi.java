package org.opencg.sip.sbc;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The core's services, found by their global JNDI names (the SIP module is no EJB client of its own). */
final class Jndi {

    private Jndi() {
    }

    static Object lookup(String name) {
        try {
            return new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("cannot find " + name, e);
        }
    }
}
