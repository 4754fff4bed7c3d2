package org.opencg.core.accounts;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.audit.AuditTrail;
import org.opencg.core.dns.SubdomainDns;
import org.opencg.core.numbers.Service;
import org.opencg.core.routing.AccountRoute;
import org.opencg.core.routing.RoutingChange;
import org.opencg.core.sync.Outbox;

/**
 * {@link AccountService} on JPA: each call is one transaction (audit entry, routing change and sync task included),
 * so a refused request leaves nothing behind.
 */
@Stateless
@Local(AccountService.class)
public class AccountServiceBean implements AccountService {

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    Outbox outbox;

    @Inject
    Event<RoutingChange> routing;

    @EJB
    SubdomainDns dns;

    @Override
    public List<AccountView> list(String namePart, int skip, int limit) {
        List<Account> accounts = em.createNamedQuery("Account.matching", Account.class)
                .setParameter("part", likePattern(namePart)).setFirstResult(skip).setMaxResults(limit)
                .getResultList();
        Map<Long, Map<Service, Long>> counts = numberCounts(accounts.stream().map(Account::id).toList());
        return accounts.stream().map(a -> withDns(a.view(counts.getOrDefault(a.id(), Map.of())))).toList();
    }

    @Override
    public long count(String namePart) {
        return em.createNamedQuery("Account.countMatching", Long.class).setParameter("part", likePattern(namePart))
                .getSingleResult();
    }

    /** A LIKE pattern for names containing the part, its own '%' and '_' taken literally. */
    private static String likePattern(String namePart) {
        if (namePart == null || namePart.isBlank()) {
            return "%";
        }
        String escaped = namePart.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    @Override
    public AccountView get(String name) {
        return view(require(name));
    }

    @Override
    public Saved createOrReplace(String name, AccountDetails details, String ifMatch, String ifNoneMatch) {
        AccountRules.checkName(name);
        AccountRules.check(details);
        Account existing = find(name);
        checkPreconditions(existing, ifMatch, ifNoneMatch);
        Instant now = Instant.now();
        Account account = existing;
        AccountView before = null;
        if (existing == null) {
            account = new Account(name, details, now);
            em.persist(account);
        } else {
            before = view(existing);
            checkTenantChange(before, details);
            existing.replaceWith(details, now);
        }
        em.flush();
        AccountView after = view(account);
        audit.record("account", name, before, after);
        routing.fire(RoutingChange.account(AccountRoute.of(name, details)));
        if (org.opencg.core.numbers.SyncRules.needsSync(details)) {
            outbox.enqueue("account", name);
        }
        publishSubdomains(before == null ? null : before.details(), details);
        return new Saved(after, existing == null);
    }

    /**
     * acg-behaviour.md §1.5: the Teams tenant can change only while the account has no Operator Connect or Teams
     * Phone Mobile numbers, which Teams has already been told belong to the old tenant.
     */
    private static void checkTenantChange(AccountView before, AccountDetails details) {
        boolean teamsNumbers = before.numberCount(Service.OPERATOR_CONNECT) > 0
                || before.numberCount(Service.PHONE_MOBILE) > 0;
        if (teamsNumbers && !Objects.equals(before.details().teamsTenantId(), details.teamsTenantId())) {
            throw new ProvisioningException(Kind.CONFLICT, "TeamsTenantIdInUse", "the account has "
                    + (before.numberCount(Service.OPERATOR_CONNECT) + before.numberCount(Service.PHONE_MOBILE))
                    + " Operator Connect or Teams Phone Mobile numbers; remove them before changing teamsTenantId",
                    "serviceDetails.teamsTenantId");
        }
    }

    @Override
    public void delete(String name, String ifMatch, boolean deleteNumbers) {
        Account account = require(name);
        checkPreconditions(account, ifMatch, null);
        AccountView before = view(account);
        List<String> numbers = em.createQuery(
                "select n.e164 from TelephoneNumber n where n.account = :account", String.class)
                .setParameter("account", account).getResultList();
        if (!numbers.isEmpty() && !deleteNumbers) {
            throw new ProvisioningException(Kind.CONFLICT, "AccountHasNumbers", "account " + name + " has "
                    + numbers.size() + " numbers; delete them first or pass deleteNumbers=true", "deleteNumbers");
        }
        em.createQuery("delete from TelephoneNumber n where n.account = :account").setParameter("account", account)
                .executeUpdate();
        numbers.forEach(n -> audit.record("number", n, Map.of("telephoneNumber", n, "accountName", name), null));
        em.remove(account);
        audit.record("account", name, before, null);
        publishSubdomains(before.details(), null);
        routing.fire(RoutingChange.accountRemoved(name, numbers));
    }

    /**
     * A changed Direct Routing subdomain (label or tokens) goes to DNS through the outbox: the new label published,
     * an old one no longer used withdrawn. The task names the label; the sync publishes whatever the label's
     * account says at that moment.
     */
    private void publishSubdomains(AccountDetails before, AccountDetails after) {
        if (!dns.configured()) {
            return;
        }
        String old = label(before);
        String now = label(after);
        if (now != null && !Objects.equals(tokens(before), tokens(after))) {
            outbox.enqueue("dns", now);
        }
        if (old != null && !old.equals(now)) {
            outbox.enqueue("dns", old);
        }
    }

    private static String label(AccountDetails details) {
        return details == null || details.directRouting() == null ? null : details.directRouting().subdomain();
    }

    private static List<String> tokens(AccountDetails details) {
        var dr = details == null ? null : details.directRouting();
        return dr == null ? null : java.util.Arrays.asList(dr.subdomain(), dr.region1Token(), dr.region2Token());
    }

    private AccountView view(Account account) {
        return withDns(account.view(numberCounts(List.of(account.id())).getOrDefault(account.id(), Map.of())));
    }

    private AccountView withDns(AccountView view) {
        var dr = view.details().directRouting();
        return dr == null || dr.subdomain() == null ? view
                : view.withSubdomainStatus(dns.status(dr.subdomain(), dr.region1Token(), dr.region2Token()));
    }

    /** Numbers per service of each account, in one grouped query (acg-behaviour.md §1.5 numberCount). */
    private Map<Long, Map<Service, Long>> numberCounts(List<Long> accountIds) {
        Map<Long, Map<Service, Long>> counts = new HashMap<>();
        if (accountIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createQuery("select n.account.id,"
                + " sum(case when n.operatorConnect.enabled = true then 1 else 0 end),"
                + " sum(case when n.directRouting = true then 1 else 0 end),"
                + " sum(case when n.phoneMobile.enabled = true then 1 else 0 end),"
                + " sum(case when n.zoom = true then 1 else 0 end),"
                + " sum(case when n.callProtection = true then 1 else 0 end)"
                + " from TelephoneNumber n where n.account.id in :ids group by n.account.id", Object[].class)
                .setParameter("ids", accountIds).getResultList();
        for (Object[] row : rows) {
            Map<Service, Long> perService = new EnumMap<>(Service.class);
            Service[] order = {Service.OPERATOR_CONNECT, Service.DIRECT_ROUTING, Service.PHONE_MOBILE, Service.ZOOM,
                Service.CALL_PROTECTION};
            for (int i = 0; i < order.length; i++) {
                perService.put(order[i], ((Number) row[i + 1]).longValue());
            }
            counts.put((Long) row[0], perService);
        }
        return counts;
    }

    private static void checkPreconditions(Account existing, String ifMatch, String ifNoneMatch) {
        Preconditions.check("account", existing == null ? null : existing.version(), ifMatch, ifNoneMatch);
    }

    Account find(String name) {
        return Account.find(em, name);
    }

    Account require(String name) {
        Account account = find(name);
        if (account == null) {
            throw new ProvisioningException(Kind.NOT_FOUND, "NotFound", "Account '" + name + "' does not exist.",
                    "accountName");
        }
        return account;
    }
}
