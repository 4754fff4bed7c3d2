package org.opencg.core.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** Turns a probe into a MicroProfile Health check response named after the probe. */
final class ProbeChecks {

    private ProbeChecks() {
    }

    static HealthCheckResponse check(Probe probe) {
        ProbeResult result = Probes.run(probe);
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(probe.checkName()).status(result.up());
        if (!result.up()) {
            builder.withData("reason", result.reason());
        }
        result.data().forEach(builder::withData);
        return builder.build();
    }
}
