package org.opencg.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The dashboard's call activity series, without a server. */
class ActivitySeriesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static ActivitySeries.Sample at(int seconds, double active, double invites) {
        return new ActivitySeries.Sample(T0.plusSeconds(seconds), active, invites);
    }

    @Test
    void invitesBetweenSamplesBecomeARatePerMinute() {
        ActivitySeries series = new ActivitySeries(10);
        series.add(at(0, 0, 100));
        series.add(at(10, 3, 130));
        series.add(at(20, 5, 130));
        List<ActivitySeries.Point> points = series.points();
        assertEquals(2, points.size(), "one point per sample after the first");
        assertEquals(180, points.get(0).invitesPerMinute(), "30 INVITEs in 10 s");
        assertEquals(3, points.get(0).activeCalls());
        assertEquals(0, points.get(1).invitesPerMinute());
        assertEquals(T0.plusSeconds(20), points.get(1).at());
    }

    @Test
    void theOldestSamplesGoWhenTheSeriesIsFull() {
        ActivitySeries series = new ActivitySeries(3);
        for (int i = 0; i < 10; i++) {
            series.add(at(i * 10, i, i * 10));
        }
        List<ActivitySeries.Point> points = series.points();
        assertEquals(2, points.size());
        assertEquals(T0.plusSeconds(80), points.get(0).at());
        assertEquals(60, points.get(0).invitesPerMinute());
    }

    @Test
    void aCounterThatStartsAgainCountsFromZero() {
        ActivitySeries series = new ActivitySeries(5);
        series.add(at(0, 0, 500));
        series.add(at(60, 0, 20));
        assertEquals(20, series.points().get(0).invitesPerMinute());
    }

    @Test
    void aSeriesTooSmallForARateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ActivitySeries(1));
    }
}
