package org.opencg.sip.media;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.eclipse.microprofile.config.Config;

/** Where rtpengine's ng control port is and how long to wait for it. */
public final class RtpengineSettings {

    public static final String NG_ADDRESS = "opencg.rtpengine.ng-address";
    public static final String TIMEOUT_MS = "opencg.rtpengine.timeout-ms";
    public static final String DTMF_EVENTS = "opencg.rtpengine.dtmf-events";

    private RtpengineSettings() {
    }

    public static RtpengineClient client(Config config) {
        long timeout = config.getOptionalValue(TIMEOUT_MS, Long.class).orElse(1000L);
        return new RtpengineClient(ngAddress(config), Duration.ofMillis(timeout));
    }

    /**
     * Where rtpengine reports DTMF events ({@code --dtmf-log-dest}, set by the launcher): by default the port after
     * the ng port, so that gateways on moved ports (tests, benchmarks) do not meet.
     */
    public static InetSocketAddress dtmfEvents(Config config) {
        InetSocketAddress ng = ngAddress(config);
        String fallback = ng.getHostString() + ":" + (ng.getPort() + 1);
        return address(DTMF_EVENTS, config.getOptionalValue(DTMF_EVENTS, String.class).orElse(fallback));
    }

    private static InetSocketAddress ngAddress(Config config) {
        return address(NG_ADDRESS, config.getOptionalValue(NG_ADDRESS, String.class).orElse("127.0.0.1:2223"));
    }

    private static InetSocketAddress address(String setting, String value) {
        int colon = value.lastIndexOf(':');
        int port = colon < 0 ? -1 : parsePort(value.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(setting + ": '" + value + "' is not address:port");
        }
        return new InetSocketAddress(value.substring(0, colon), port);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
