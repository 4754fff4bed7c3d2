package org.opencg.it;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one value from the gateway's Prometheus /metrics page, as a monitoring system would. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of {@code name} with the given label text (e.g. {@code method="INVITE"}), or -1 when absent. */
    public static double value(String name, String labels) throws IOException, InterruptedException {
        String page = TestServer.get(TestServer.MANAGEMENT + "/metrics").body();
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$");
        Matcher matcher = line.matcher(page);
        while (matcher.find()) {
            String found = matcher.group(1) == null ? "" : matcher.group(1);
            if (labels.isEmpty() || found.contains(labels)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return -1;
    }

    /** Waits up to {@code seconds} for the metric to reach {@code expected}; returns the last value seen. */
    public static double awaitValue(String name, String labels, double expected, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        double value;
        do {
            value = value(name, labels);
            if (value == expected) {
                return value;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return value;
    }
}
