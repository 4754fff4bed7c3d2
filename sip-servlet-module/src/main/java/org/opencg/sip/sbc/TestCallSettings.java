package org.opencg.sip.sbc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.Config;

/**
 * The synthetic-call runner's settings (docs/configuration.md): {@code opencg.test-calls.interval-minutes} (15; 0 runs
 * only when asked), {@code opencg.test-calls.hold-seconds} (3), and where its calls go in: the operator side's UDP
 * listening point, the first {@code udp:host:port} of {@code opencg.sip.listening-point.operator}.
 */
final class TestCallSettings {

    private static final Logger LOG = Logger.getLogger(TestCallSettings.class.getName());

    private TestCallSettings() {
    }

    static TestCallRunner runner(Config config) {
        int minutes = config.getOptionalValue("opencg.test-calls.interval-minutes", Integer.class).orElse(15);
        int hold = config.getOptionalValue("opencg.test-calls.hold-seconds", Integer.class).orElse(3);
        if (minutes < 0 || hold < 1 || hold > 60) {
            throw new IllegalArgumentException("opencg.test-calls.interval-minutes / hold-seconds: "
                    + minutes + " / " + hold + " (minutes 0 or more, hold 1 to 60 s)");
        }
        InetSocketAddress gateway = udpPoint(config.getOptionalValue("opencg.sip.listening-point.operator",
                String.class).orElse(""));
        if (gateway == null) {
            LOG.warning("test calls off: the operator side has no UDP listening point to place them through");
        }
        return new TestCallRunner(Duration.ofMinutes(minutes), Duration.ofSeconds(hold), gateway);
    }

    /** The first {@code udp:host:port} of a listening-point setting, or null. */
    static InetSocketAddress udpPoint(String setting) {
        for (String point : setting.split(",")) {
            String[] parts = point.strip().split(":");
            if (parts.length == 3 && parts[0].equalsIgnoreCase("udp")) {
                try {
                    return new InetSocketAddress(parts[1], Integer.parseInt(parts[2]));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
