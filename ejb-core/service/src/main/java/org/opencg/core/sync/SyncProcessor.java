package org.opencg.core.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencg.core.accounts.Account;
import org.opencg.core.accounts.AccountDetails;
import org.opencg.core.accounts.ProvisioningError;
import org.opencg.core.accounts.SyncState;
import org.opencg.core.audit.Actor;
import org.opencg.core.audit.AuditTrail;
import org.opencg.core.consents.ConsentServiceBean;
import org.opencg.core.dns.SubdomainDns;
import org.opencg.core.numbers.NumberDetails;
import org.opencg.core.numbers.Service;
import org.opencg.core.numbers.SyncRules;
import org.opencg.core.numbers.TeamsNumber;
import org.opencg.core.numbers.TelephoneNumber;

/**
 * Works outbox tasks a chunk at a time, each chunk in a transaction of its own (one per task cost more in
 * Hibernate and the transaction manager than the work itself): sends each resource's current state to the
 * Operator Connect API and records the verdict. A retryable failure keeps the task (and the resource
 * {@code pending}) for a later attempt; a refusal marks the resource {@code failed} with the backend's errors.
 * Sending the current state, not the change, makes the order of tasks irrelevant and a repeat harmless.
 */
@Stateless
public class SyncProcessor {

    static final String SYNC_ACTOR = "operator-connect-sync";

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    ConsentServiceBean consents;

    @Inject
    Actor actor;

    @EJB
    OperatorConnectLink link;

    @EJB
    SubdomainDns dns;

    @EJB
    Outbox outbox;

    /** A task due now: its id, and the resource it is about (tasks of one resource go to one worker). */
    public record Due(long id, String resource) {
    }

    /** The tasks due now, oldest first. */
    public List<Due> due(int max) {
        return em.createQuery("select t.id, t.resourceType, t.resourceKey from SyncTask t where t.nextAttemptAt <= :now"
                + " order by t.id", Object[].class).setParameter("now", Instant.now()).setMaxResults(max)
                .getResultStream().map(row -> new Due((Long) row[0], row[1] + "/" + row[2])).toList();
    }

    public long backlog() {
        return em.createQuery("select count(t) from SyncTask t", Long.class).getSingleResult();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @ActivateRequestContext
    public void process(List<Long> taskIds) {
        SyncSettings settings = link.settings();
        List<SyncTask> tasks = em.createQuery("select t from SyncTask t where t.id in :ids order by t.id",
                SyncTask.class).setParameter("ids", taskIds).getResultList();
        List<String> keys = tasks.stream().filter(t -> t.resourceType().equals("number"))
                .map(SyncTask::resourceKey).distinct().toList();
        Map<String, TelephoneNumber> numbers = new HashMap<>();
        if (!keys.isEmpty()) {
            em.createQuery("select n from TelephoneNumber n join fetch n.account where n.e164 in :keys",
                    TelephoneNumber.class).setParameter("keys", keys).getResultList()
                    .forEach(n -> numbers.put(n.e164(), n));
        }
        actor.set(SYNC_ACTOR, Actor.SYNC, null);
        for (SyncTask task : tasks) {
            work(task, numbers, settings);
        }
    }

    /** One task, within the chunk's transaction; a failure of the backend never escapes it. */
    private void work(SyncTask task, Map<String, TelephoneNumber> numbers, SyncSettings settings) {
        try {
            switch (task.resourceType()) {
                case "number" -> syncNumber(task, numbers.get(task.resourceKey()), link.client());
                case "account" -> syncAccount(task.resourceKey(), link.client());
                case "consent" -> syncConsent(task.resourceKey(), link.client());
                case "dns" -> publishSubdomain(task.resourceKey());
                case "callDuration" -> uploadCallDuration(task, link.client(), settings);
                default -> { }
            }
            em.remove(task);
        } catch (OperatorConnectException e) {
            if (e.retryable()) {
                task.retryLater(e.getMessage(), settings.backoff(task.attempts()), Instant.now());
            } else {
                failed(task, List.of(new ProvisioningError(e.code(), e.getMessage())));
                em.remove(task);
            }
        }
    }

    private void syncNumber(SyncTask task, TelephoneNumber number, OperatorConnectClient client)
            throws OperatorConnectException {
        AccountDetails account = number == null ? null : number.account().details();
        if (number == null || !SyncRules.needsSync(number.details(), account)) {
            // Gone, or no longer a Teams number of a synced account: Teams lets go of it.
            if (task.tenantId() != null) {
                client.releaseNumber(task.tenantId(), task.resourceKey());
            }
            return;
        }
        String tenant = account.teamsTenantId();
        if (tenant == null) {
            record(number, SyncState.FAILED, List.of(new ProvisioningError("TeamsTenantIdRequired",
                    "account " + number.account().name() + " has no teamsTenantId to upload the number to")));
            return;
        }
        NumberDetails details = number.details();
        var before = number.view();
        if (details.operatorConnectEnabled() && account.operatorConnect().syncEnabled()) {
            upload(client, tenant, number, Service.OPERATOR_CONNECT, "OperatorConnect", details.operatorConnect());
        }
        if (details.phoneMobileEnabled() && account.phoneMobile() != null && account.phoneMobile().syncEnabled()) {
            upload(client, tenant, number, Service.PHONE_MOBILE, "TeamsPhoneMobile", details.phoneMobile());
        }
        number.syncResult(SyncState.SYNCED, List.of(), Instant.now());
        em.flush();
        audit.record("number", number.e164(), before, number.view());
    }

    private static void upload(OperatorConnectClient client, String tenant, TelephoneNumber number, Service service,
            String name, TeamsNumber teams) throws OperatorConnectException {
        OperatorConnectClient.Capabilities answer = client.uploadNumber(tenant, number.e164(), name,
                teams.assignmentStatus(), teams.configuration());
        number.teamsAnswer(service, answer.acquired(), answer.available());
    }

    /**
     * The CallDuration upload of one call record: the Teams user's number (the caller of a call toward the operator,
     * the called party of one toward Teams) and the duration measured and billed. A record purged meanwhile is
     * nothing to send.
     */
    private void uploadCallDuration(SyncTask task, OperatorConnectClient client, SyncSettings settings)
            throws OperatorConnectException {
        List<?> rows = em.createNativeQuery("select direction, calling, called, answer_time, duration_ms"
                + " from call_record where id = ?1").setParameter(1, Long.parseLong(task.resourceKey()))
                .getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] row = (Object[]) rows.get(0);
        String direction = (String) row[0];
        String number = org.opencg.core.calls.CallRecord.TO_OPERATOR.equals(direction) ? (String) row[1]
                : (String) row[2];
        long measured = ((Number) row[4]).longValue();
        client.uploadCallDuration(task.tenantId(), new OperatorConnectClient.CallDuration(task.resourceKey(), number,
                direction, instant(row[3]).toString(), measured, settings.rounding().billedMs(measured)));
    }

    private static Instant instant(Object time) {
        if (time instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (time instanceof java.time.LocalDateTime local) {
            return local.atZone(java.time.ZoneId.systemDefault()).toInstant();
        }
        if (time instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) time;
    }

    private void syncAccount(String name, OperatorConnectClient client) throws OperatorConnectException {
        Account account = Account.find(em, name);
        if (account == null || SyncState.SYNCED.equals(account.sync().status())) {
            return;
        }
        String tenant = account.details().teamsTenantId();
        if (tenant == null) {
            account.syncResult(SyncState.FAILED, List.of(new ProvisioningError("TeamsTenantIdRequired",
                    "Operator Connect and Teams Phone Mobile need the account's teamsTenantId")), Instant.now());
            return;
        }
        client.checkTenant(tenant);
        account.syncResult(SyncState.SYNCED, List.of(), Instant.now());
    }

    private void syncConsent(String tenantId, OperatorConnectClient client) throws OperatorConnectException {
        String[] relationship = consents.relationship(tenantId);
        if (relationship != null) {
            client.updateCustomerRelationship(tenantId, relationship[0], relationship[1]);
            consents.pushResult(tenantId, SyncState.SYNCED, List.of());
        }
    }

    /**
     * At start, with DNS configured: a task per Direct Routing label, so that accounts made before DNS was configured
     * are published too (changes made since are in the outbox anyway; publishing the same records again is harmless).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int reconcileSubdomains() {
        if (!dns.configured()) {
            return 0;
        }
        List<String> labels = em.createQuery("select distinct a.drSubdomain from Account a"
                + " where a.drEnabled = true and a.drSubdomain is not null", String.class).getResultList();
        labels.forEach(label -> outbox.enqueue("dns", label));
        return labels.size();
    }

    /** Makes DNS serve what the account holding this subdomain label says, or nothing when none holds it. */
    private void publishSubdomain(String label) throws OperatorConnectException {
        if (!dns.configured()) {
            return; // DNS publishing was switched off since the change: nothing to publish to
        }
        String[] tokens = em.createQuery("select a.drRegion1Token, a.drRegion2Token from Account a"
                + " where a.drSubdomain = :label and a.drEnabled = true order by a.name", Object[].class)
                .setParameter("label", label).setMaxResults(1).getResultStream()
                .map(row -> new String[] {(String) row[0], (String) row[1]}).findFirst().orElse(null);
        dns.publish(label, tokens);
    }

    /** A refusal: the resource is {@code failed} with the backend's errors (the task is dropped by the caller). */
    private void failed(SyncTask task, List<ProvisioningError> errors) {
        switch (task.resourceType()) {
            case "number" -> java.util.Optional.ofNullable(TelephoneNumber.find(em, task.resourceKey()))
                    .ifPresent(n -> record(n, SyncState.FAILED, errors));
            case "account" -> java.util.Optional.ofNullable(Account.find(em, task.resourceKey()))
                    .ifPresent(a -> a.syncResult(SyncState.FAILED, errors, Instant.now()));
            case "consent" -> consents.pushResult(task.resourceKey(), SyncState.FAILED, errors);
            case "callDuration" -> java.util.logging.Logger.getLogger(SyncProcessor.class.getName()).warning(
                    "CallDuration of call record " + task.resourceKey() + " refused by the Operator Connect API: "
                            + errors);
            default -> { }
        }
    }

    private void record(TelephoneNumber number, String status, List<ProvisioningError> errors) {
        var before = number.view();
        number.syncResult(status, errors, Instant.now());
        em.flush();
        audit.record("number", number.e164(), before, number.view());
    }

    /** Pulls every consent from Teams into the local table. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @ActivateRequestContext
    public int pullConsents() throws OperatorConnectException {
        actor.set(SYNC_ACTOR, Actor.SYNC, null);
        List<OperatorConnectClient.Consent> pulled = link.client().consents();
        pulled.forEach(consents::pulled);
        return pulled.size();
    }
}
