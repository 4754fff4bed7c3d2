package org.opencg.core.health;

import java.util.Map;

/**
 * What a probe found: up or down, a one-line reason when down, and facts worth showing (addresses, versions).
 */
public record ProbeResult(boolean up, String reason, Map<String, String> data) {

    public ProbeResult {
        data = Map.copyOf(data);
    }

    public static ProbeResult up(Map<String, String> data) {
        return new ProbeResult(true, "", data);
    }

    public static ProbeResult down(String reason, Map<String, String> data) {
        return new ProbeResult(false, reason, data);
    }

    public static ProbeResult down(String reason) {
        return down(reason, Map.of());
    }
}
