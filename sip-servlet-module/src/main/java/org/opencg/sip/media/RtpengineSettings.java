package org.opencg.sip.media;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.eclipse.microprofile.config.Config;

/** Where rtpengine's ng control port is and how long to wait for it. */
public final class RtpengineSettings {

    public static final String NG_ADDRESS = "opencg.rtpengine.ng-address";
    public static final String TIMEOUT_MS = "opencg.rtpengine.timeout-ms";

    private RtpengineSettings() {
    }

    public static RtpengineClient client(Config config) {
        String value = config.getOptionalValue(NG_ADDRESS, String.class).orElse("127.0.0.1:2223");
        int colon = value.lastIndexOf(':');
        int port = colon < 0 ? -1 : parsePort(value.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(NG_ADDRESS + ": '" + value + "' is not address:port");
        }
        long timeout = config.getOptionalValue(TIMEOUT_MS, Long.class).orElse(1000L);
        return new RtpengineClient(new InetSocketAddress(value.substring(0, colon), port), Duration.ofMillis(timeout));
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
