package org.opencg.core.testlines;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * {@link TestCallService} on JPA; the run request is held in this process (one gateway node; issue 30 makes it the
 * cluster's).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@Local(TestCallService.class)
@LocalBean
public class TestCallServiceBean implements TestCallService {

    private final AtomicBoolean runRequested = new AtomicBoolean();

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @Override
    public void requestRun() {
        runRequested.set(true);
    }

    @Override
    public boolean takeRunRequest() {
        return runRequested.getAndSet(false);
    }

    @Override
    public void record(TestCallResult result) {
        em.persist(new TestCallRecord(result));
        em.createQuery("delete from TestCallRecord r where r.startedAt < :oldest")
                .setParameter("oldest", Instant.now().minus(Duration.ofDays(KEPT_DAYS))).executeUpdate();
    }

    @Override
    public List<TestCallResult> recent(int limit) {
        return em.createQuery("select r from TestCallRecord r order by r.startedAt desc, r.id desc",
                TestCallRecord.class).setMaxResults(limit).getResultList().stream().map(TestCallRecord::view).toList();
    }

    @Override
    public List<TestCallResult> since(Instant from) {
        return em.createQuery("select r from TestCallRecord r where r.startedAt >= :from order by r.startedAt desc",
                TestCallRecord.class).setParameter("from", from).setMaxResults(10_000).getResultList().stream()
                .map(TestCallRecord::view).toList();
    }
}
