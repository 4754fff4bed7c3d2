package org.opencg.core.health;

import java.util.Map;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Runs a probe found by its JNDI name; a probe that is not deployed is reported down, never thrown. */
public final class Probes {

    private Probes() {
    }

    public static ProbeResult run(Probe probe) {
        HealthProbe found;
        try {
            found = (HealthProbe) new InitialContext().lookup(probe.jndiName());
        } catch (NamingException | ClassCastException e) {
            return ProbeResult.down(probe.checkName() + " is not deployed", Map.of("jndi", probe.jndiName()));
        }
        try {
            return found.probe();
        } catch (RuntimeException e) {
            // A probe that throws is a broken part, not a broken health endpoint.
            return ProbeResult.down(probe.checkName() + " probe failed: " + e);
        }
    }
}
