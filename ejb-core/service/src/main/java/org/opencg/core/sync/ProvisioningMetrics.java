package org.opencg.core.sync;

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

import org.opencg.core.routing.RoutingTableBean;

/**
 * Provisioning on {@code /metrics}: the sync backlog ({@code opencg_sync_outbox_tasks}, what is still to be told to
 * Teams or DNS; it grows during an Operator Connect outage) and the numbers calls can be routed to
 * ({@code opencg_routing_numbers}). Read when scraped.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "RoutingTableBean"})
public class ProvisioningMetrics {

    private static final List<String> NAMES = List.of("opencg_sync_outbox_tasks", "opencg_routing_numbers");

    @Inject
    MeterRegistry registry;

    @EJB
    SyncProcessor processor;

    @EJB
    RoutingTableBean routing;

    // As in SipMetrics: registry.gauge (WildFly 39 does not export builder registrations), and the meters removed
    // on undeploy, or a redeployed EAR would find the old gauge, bound to the old deployment, under the same name.
    @PostConstruct
    void register() {
        gauge(NAMES.get(0), m -> m.processor.backlog());
        gauge(NAMES.get(1), m -> m.routing.snapshot().size());
    }

    @PreDestroy
    void unregister() {
        NAMES.forEach(name -> registry.find(name).meters().forEach(registry::remove));
    }

    /** NaN when the value cannot be read (e.g. the database is away): a scrape must never fail. */
    private void gauge(String name, ToDoubleFunction<ProvisioningMetrics> value) {
        registry.gauge(name, Tags.empty(), this, m -> {
            try {
                return value.applyAsDouble(m);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        });
    }
}
