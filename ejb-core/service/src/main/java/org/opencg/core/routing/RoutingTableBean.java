package org.opencg.core.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencg.core.accounts.Account;
import org.opencg.core.numbers.Service;

/**
 * Holds the routing snapshot: loaded whole from the database at start, then changed by each committed provisioning
 * change (a rolled-back change never reaches it). Bean-managed concurrency: the snapshot is safe to read while it
 * changes, so no container lock stands between a call and its route.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@Local(RoutingTable.class)
@LocalBean
public class RoutingTableBean implements RoutingTable {

    private static final Logger LOG = Logger.getLogger(RoutingTableBean.class.getName());

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    private volatile RoutingSnapshot snapshot = new RoutingSnapshot();

    @PostConstruct
    void load() {
        long started = System.nanoTime();
        RoutingSnapshot loaded = new RoutingSnapshot();
        List<NumberRoute> chunk = new ArrayList<>();
        em.createNamedQuery("Account.ordered", Account.class).getResultStream()
                .forEach(a -> loaded.put(AccountRoute.of(a.name(), a.details())));
        em.createQuery("select n.e164, a.name, n.operatorConnect.enabled, n.directRouting, n.phoneMobile.enabled,"
                + " n.zoom, n.callProtection, n.customSipHeader from TelephoneNumber n join n.account a",
                Object[].class).getResultStream().map(RoutingTableBean::route).forEach(chunk::add);
        loaded.putAll(chunk);
        snapshot = loaded;
        LOG.info(() -> String.format("routing snapshot: %d numbers of %d accounts loaded in %d ms", loaded.size(),
                em.createNamedQuery("Account.count", Long.class).getSingleResult(),
                (System.nanoTime() - started) / 1_000_000));
    }

    private static NumberRoute route(Object[] row) {
        Set<Service> services = EnumSet.noneOf(Service.class);
        Service[] order = {Service.OPERATOR_CONNECT, Service.DIRECT_ROUTING, Service.PHONE_MOBILE, Service.ZOOM,
            Service.CALL_PROTECTION};
        for (int i = 0; i < order.length; i++) {
            if (Boolean.TRUE.equals(row[i + 2])) {
                services.add(order[i]);
            }
        }
        return new NumberRoute((String) row[0], (String) row[1], services, (String) row[7]);
    }

    public void apply(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingChange change) {
        change.applyTo(snapshot);
    }

    @Override
    public RoutingSnapshot snapshot() {
        return snapshot;
    }
}
