package org.opencg.core.sync;

import jakarta.annotation.PostConstruct;
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

    @Inject
    MeterRegistry registry;

    @EJB
    SyncProcessor processor;

    @EJB
    RoutingTableBean routing;

    @PostConstruct
    void register() {
        // registry.gauge, not Gauge.builder: WildFly 39's per-deployment registry does not export builder
        // registrations (see SipMetrics). The state object is this singleton, which the container keeps: a gauge
        // holds its state only weakly.
        registry.gauge("opencg_sync_outbox_tasks", Tags.empty(), this, m -> m.processor.backlog());
        registry.gauge("opencg_routing_numbers", Tags.empty(), this, m -> m.routing.snapshot().size());
    }
}
