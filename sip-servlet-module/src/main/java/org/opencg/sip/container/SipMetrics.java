package org.opencg.sip.container;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.opencg.sip.container.admission.Admission;
import org.opencg.sip.container.core.ContainerMetrics;

/**
 * Publishes the container's counts on /metrics: application sessions, SIP sessions, transactions, messages
 * in and out by method and response class, and what the sides' admission turned away (by reason), banned and holds
 * open. Read when scraped, so counting costs the call path nothing more.
 * The meters go with the deployment: a redeployment registers them anew instead of reading a dead one.
 */
@Singleton
@Startup
@DependsOn("SipContainer")
public class SipMetrics {

    @Inject
    MeterRegistry registry;

    @EJB
    SipContainer container;

    private final List<String> names = new ArrayList<>();

    @PostConstruct
    void bind() {
        gauge("opencg_sip_application_sessions", c -> c.context().applicationSessionCount());
        gauge("opencg_sip_sessions", c -> c.context().metrics().sipSessions());
        gauge("opencg_sip_server_transactions", SipContainer::serverTransactions);
        gauge("opencg_sip_client_transactions", SipContainer::clientTransactions);
        for (String key : ContainerMetrics.METHODS) {
            counter("opencg_sip_requests_received", "method", key, true);
            counter("opencg_sip_requests_sent", "method", key, false);
        }
        for (String key : ContainerMetrics.CLASSES) {
            counter("opencg_sip_responses_received", "class", key, true);
            counter("opencg_sip_responses_sent", "class", key, false);
        }
        gauge("opencg_sip_banned_sources", c -> c.admission().bannedSources());
        gauge("opencg_sip_connections", c -> c.admission().openConnections());
        registry.more().counter("opencg_sip_bans", Tags.empty(), container,
                c -> read(c, running -> running.admission().bansStarted()));
        names.add("opencg_sip_bans");
        for (Admission.Reason reason : Admission.Reason.values()) {
            registry.more().counter("opencg_sip_turned_away", Tags.of("reason", reason.tag()), container,
                    c -> read(c, running -> running.admission().turnedAway(reason)));
        }
        names.add("opencg_sip_turned_away");
        registry.more().counter("opencg_sip_shed_calls", Tags.empty(), container,
                c -> read(c, running -> running.context().overload().shedCalls()));
        names.add("opencg_sip_shed_calls");
    }

    @PreDestroy
    void unbind() {
        for (String name : names) {
            registry.find(name).meters().forEach(registry::remove);
        }
    }

    /** The value, or NaN while the container is not running: a scrape must never fail. */
    private static double read(SipContainer container, ToDoubleFunction<SipContainer> value) {
        try {
            return container.context() == null ? Double.NaN : value.applyAsDouble(container);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    // WildFly 39 hands each deployment a registry whose builder registrations are not exported
    // (WFLY-21061); its direct methods forward to the exported one, so only those are used here.
    private void gauge(String name, ToDoubleFunction<SipContainer> value) {
        registry.gauge(name, Tags.empty(), container, c -> read(c, value));
        names.add(name);
    }

    private void counter(String name, String tag, String key, boolean received) {
        registry.more().counter(name, Tags.of(tag, key), container, c -> read(c, running -> received
                ? running.context().metrics().receivedCount(key) : running.context().metrics().sentCount(key)));
        if (!names.contains(name)) {
            names.add(name);
        }
    }
}
