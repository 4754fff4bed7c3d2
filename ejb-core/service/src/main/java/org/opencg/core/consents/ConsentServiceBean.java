package org.opencg.core.consents;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.opencg.core.accounts.AccountRules;
import org.opencg.core.accounts.Preconditions;
import org.opencg.core.accounts.ProvisioningError;
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.audit.AuditTrail;
import org.opencg.core.sync.OperatorConnectClient.Consent;
import org.opencg.core.sync.Outbox;

/** {@link ConsentService} on JPA, and the sync's side of consents (pulled state in, push results). */
@Stateless
@Local(ConsentService.class)
@LocalBean
public class ConsentServiceBean implements ConsentService {

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    Outbox outbox;

    @Override
    public List<ConsentView> list(String status, int skip, int limit) {
        TypedQuery<TeamsConsent> query = em.createQuery("select c from TeamsConsent c"
                + (status == null ? "" : " where c.status = :status") + " order by c.tenantId", TeamsConsent.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        List<TeamsConsent> consents = query.setFirstResult(skip).setMaxResults(limit).getResultList();
        Map<String, String> accounts = accountsByTenant(consents.stream().map(TeamsConsent::tenantId).toList());
        return consents.stream().map(c -> c.view(accounts.get(c.tenantId()))).toList();
    }

    @Override
    public long count(String status) {
        var query = em.createQuery("select count(c) from TeamsConsent c"
                + (status == null ? "" : " where c.status = :status"), Long.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getSingleResult();
    }

    @Override
    public ConsentView get(String tenantId) {
        TeamsConsent consent = require(tenantId);
        return view(consent);
    }

    @Override
    public ConsentView updateRelationship(String tenantId, String status, String comment, String ifMatch) {
        TeamsConsent consent = require(tenantId);
        Preconditions.check("consent", consent.version(), ifMatch, null);
        ConsentService.checkRelationship(status == null ? consent.relationshipStatus() : status,
                comment == null ? consent.relationshipComment() : comment);
        ConsentView before = view(consent);
        consent.changeRelationship(status, comment, Instant.now());
        em.flush();
        ConsentView after = view(consent);
        audit.record("consent", tenantId, before, after);
        outbox.enqueue("consent", tenantId);
        return after;
    }

    /** The sync pulled a consent: stored or refreshed, with an audit entry when anything changed. */
    public void pulled(Consent pulled) {
        TeamsConsent consent = find(pulled.tenantId());
        if (consent == null) {
            consent = new TeamsConsent(pulled);
            em.persist(consent);
            em.flush();
            audit.record("consent", pulled.tenantId(), null, view(consent));
            return;
        }
        ConsentView before = view(consent);
        if (consent.takeTeamsPart(pulled)) {
            em.flush();
            audit.record("consent", pulled.tenantId(), before, view(consent));
        }
    }

    /** The relationship reached Teams ({@code synced}) or was refused ({@code failed} with Teams' errors). */
    public void pushResult(String tenantId, String status, List<ProvisioningError> errors) {
        TeamsConsent consent = find(tenantId);
        if (consent != null) {
            consent.syncResult(status, errors);
        }
    }

    /** What the sync pushes for a consent: its relationship, or null when the consent is gone. */
    public String[] relationship(String tenantId) {
        TeamsConsent consent = find(tenantId);
        return consent == null ? null : new String[] {consent.relationshipStatus(), consent.relationshipComment()};
    }

    private ConsentView view(TeamsConsent consent) {
        return consent.view(accountsByTenant(List.of(consent.tenantId())).get(consent.tenantId()));
    }

    /** The account holding each tenant (the first by name when several do). */
    private Map<String, String> accountsByTenant(List<String> tenants) {
        Map<String, String> accounts = new HashMap<>();
        if (tenants.isEmpty()) {
            return accounts;
        }
        em.createQuery("select a.teamsTenantId, a.name from Account a where a.teamsTenantId in :tenants"
                + " order by a.name", Object[].class).setParameter("tenants", tenants).getResultList()
                .forEach(row -> accounts.putIfAbsent((String) row[0], (String) row[1]));
        return accounts;
    }

    private TeamsConsent find(String tenantId) {
        return em.createQuery("select c from TeamsConsent c where c.tenantId = :tenant", TeamsConsent.class)
                .setParameter("tenant", tenantId).getResultStream().findFirst().orElse(null);
    }

    private TeamsConsent require(String tenantId) {
        AccountRules.checkTenantId(tenantId, "tenantId");
        TeamsConsent consent = find(tenantId);
        if (consent == null) {
            throw new ProvisioningException(Kind.NOT_FOUND, "NotFound", "No request for information from tenant '"
                    + tenantId + "': consents come from Teams, and the sync has not seen one.", "tenantId");
        }
        return consent;
    }
}
