package org.opencg.core.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means a call can be taken: the database answers, the SIP listeners are bound and rtpengine answers
 * its ng ping. One check per part, so that a DOWN names the part and the reason.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> ProbeChecks.check(Probe.DATABASE);
    }

    @Produces
    @Readiness
    HealthCheck sipListeners() {
        return () -> ProbeChecks.check(Probe.SIP_LISTENERS);
    }

    @Produces
    @Readiness
    HealthCheck rtpengine() {
        return () -> ProbeChecks.check(Probe.RTPENGINE);
    }
}
