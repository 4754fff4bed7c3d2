package org.opencg.web.portal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The gateway's call activity over the last while, as the dashboard charts it: samples of the active-call gauge and
 * the count of INVITEs received so far, at most {@code capacity} of them (the oldest go first). Kept by the server,
 * so a dashboard opened now shows the hour before it was opened. Safe for one writer and many readers.
 */
final class ActivitySeries {

    /** One sample: when, calls up, INVITEs received since the gateway started. */
    record Sample(Instant at, double activeCalls, double invitesSoFar) {
    }

    /** One point of the chart: when, calls up, INVITEs a minute since the sample before. */
    record Point(Instant at, double activeCalls, long invitesPerMinute) {
    }

    private final int capacity;
    private final Deque<Sample> samples = new ArrayDeque<>();

    ActivitySeries(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a series needs room for two samples to make a rate: " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void add(Sample sample) {
        samples.addLast(sample);
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    /**
     * The points to chart: one per sample after the first. The rate is the INVITEs between two samples scaled to a
     * minute; a counter that went down (the gateway's SIP side was redeployed) counts from zero again.
     */
    synchronized List<Point> points() {
        List<Point> points = new ArrayList<>(samples.size());
        Sample previous = null;
        for (Sample s : samples) {
            if (previous != null) {
                long millis = Math.max(1, s.at().toEpochMilli() - previous.at().toEpochMilli());
                double invites = s.invitesSoFar() >= previous.invitesSoFar() ? s.invitesSoFar() - previous.invitesSoFar()
                        : s.invitesSoFar();
                points.add(new Point(s.at(), s.activeCalls(), Math.round(invites * 60_000 / millis)));
            }
            previous = s;
        }
        return points;
    }
}
