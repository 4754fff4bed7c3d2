package org.opencg.web.portal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.opencg.core.health.Probe;
import org.opencg.core.health.ProbeResult;
import org.opencg.core.health.Probes;

/** The portal's view of the gateway's parts: the same probes that readiness reports. */
@Named
@RequestScoped
public class GatewayStatus {

    private List<Part> parts;

    public List<Part> getParts() {
        if (parts == null) {
            parts = Arrays.stream(Probe.values()).map(GatewayStatus::part).toList();
        }
        return parts;
    }

    private static Part part(Probe probe) {
        ProbeResult result = Probes.run(probe);
        String facts = result.data().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String details = result.up() ? facts : (result.reason() + (facts.isEmpty() ? "" : " (" + facts + ")"));
        return new Part(probe.checkName(), result.up(), details);
    }

    /** One row of the status table. */
    public record Part(String name, boolean up, String details) {
        public String getName() {
            return name;
        }

        public boolean isUp() {
            return up;
        }

        public String getDetails() {
            return details;
        }
    }
}
