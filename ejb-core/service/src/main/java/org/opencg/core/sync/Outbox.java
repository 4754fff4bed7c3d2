package org.opencg.core.sync;

import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Adds a task to the sync outbox inside the caller's transaction (it must have one: the task commits with it). */
@Stateless
public class Outbox {

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(String resourceType, String resourceKey) {
        enqueue(resourceType, resourceKey, null);
    }

    /** {@code tenantId}: for a number leaving Teams, the tenant to release it from. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(String resourceType, String resourceKey, String tenantId) {
        em.persist(new SyncTask(resourceType, resourceKey, tenantId, Instant.now()));
    }
}
