package org.opencg.web.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.Config;
import org.opencg.core.background.Background;

/**
 * Samples the SBC's meters (active calls, INVITEs received) every {@code opencg.portal.activity-sample-seconds} from
 * the moment the gateway starts, keeping {@code opencg.portal.activity-minutes} of them: the dashboard's calls chart
 * shows that history, not only the minutes its page has been open.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CallActivity {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MeterRegistry registry;

    @Inject
    Config config;

    private ActivitySeries series;
    /** A thread of its own: the chart goes on while a stop drains calls (WildFly's executors refuse tasks then). */
    private Background sampling;

    @PostConstruct
    void start() {
        int seconds = config.getOptionalValue("opencg.portal.activity-sample-seconds", Integer.class).orElse(10);
        int minutes = config.getOptionalValue("opencg.portal.activity-minutes", Integer.class).orElse(60);
        if (seconds < 1 || minutes < 1) {
            throw new IllegalArgumentException("opencg.portal.activity-sample-seconds and"
                    + " opencg.portal.activity-minutes are whole numbers of at least 1: " + seconds + ", " + minutes);
        }
        series = new ActivitySeries(Math.max(2, minutes * 60 / seconds + 1));
        sampling = new Background("call activity", threads, 1);
        sampling.every(Duration.ZERO, Duration.ofSeconds(seconds), this::sample);
    }

    @PreDestroy
    void stop() {
        sampling.close();
    }

    /** The chart's points, oldest first. */
    public List<ActivitySeries.Point> points() {
        return series.points();
    }

    /** Calls up now. */
    public double activeCalls() {
        Gauge gauge = registry.find("opencg_sbc_active_calls").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /** One sample; a failure is logged by {@link Background}, and the next sample is taken as usual. */
    private void sample() {
        FunctionCounter invites = registry.find("opencg_sip_requests_received").tag("method", "INVITE")
                .functionCounter();
        series.add(new ActivitySeries.Sample(Instant.now(), activeCalls(), invites == null ? 0 : invites.count()));
    }
}
