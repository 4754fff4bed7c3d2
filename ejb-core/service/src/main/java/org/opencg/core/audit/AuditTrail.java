package org.opencg.core.audit;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes every change into the audit trail inside the change's own transaction, so a change and its entry commit or
 * roll back together; before and after are the core's views as JSON.
 */
@Stateless
@Local(AuditLog.class)
@LocalBean
public class AuditTrail implements AuditLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @Inject
    Actor actor;

    /** {@code action} is {@code create}, {@code update} or {@code delete}; a null view means "did not exist". */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String resourceType, String resourceKey, Object before, Object after) {
        String action = before == null ? "create" : after == null ? "delete" : "update";
        em.persist(new AuditRecord(Instant.now(), actor, resourceType, resourceKey, action, json(before), json(after)));
    }

    private static String json(Object view) {
        return view == null ? null : JSON.toJson(view);
    }

    @Override
    public List<AuditEntry> list(String resourceType, String keyPrefix, int skip, int limit) {
        StringBuilder query = new StringBuilder("select a from AuditRecord a where 1 = 1");
        if (resourceType != null) {
            query.append(" and a.resourceType = :type");
        }
        if (keyPrefix != null) {
            query.append(" and a.resourceKey like :key escape '\\'");
        }
        var typed = em.createQuery(query.append(" order by a.id desc").toString(), AuditRecord.class);
        if (resourceType != null) {
            typed.setParameter("type", resourceType);
        }
        if (keyPrefix != null) {
            typed.setParameter("key", keyPrefix.replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return typed.setFirstResult(skip).setMaxResults(limit).getResultList().stream().map(AuditRecord::view)
                .toList();
    }
}
