package org.opencg.core.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live means this process still works: its SIP stack is running on its listening points. The database and
 * rtpengine are outside the process, so they are readiness concerns only: restarting the gateway because
 * the database is away would drop every established call and fix nothing.
 */
@ApplicationScoped
public class LivenessChecks {

    @Produces
    @Liveness
    HealthCheck sipStack() {
        return () -> ProbeChecks.check(Probe.SIP_LISTENERS);
    }
}
