package org.opencg.core.health;

/**
 * One part of the gateway that can say whether it works: the database, the SIP listeners, rtpengine.
 * Each module implements its own probes as EJBs; {@link Probes} finds them by their global JNDI name,
 * because the health checks live in this lib jar and cannot see the modules' CDI beans.
 */
public interface HealthProbe {

    /** Checks now; must answer within a few seconds and never throw. */
    ProbeResult probe();
}
