package org.opencg.core.numbers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.opencg.core.accounts.Account;
import org.opencg.core.accounts.AccountDetails;
import org.opencg.core.accounts.AccountRules;
import org.opencg.core.accounts.Preconditions;
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.audit.AuditTrail;
import org.opencg.core.routing.NumberRoute;
import org.opencg.core.routing.RoutingChange;
import org.opencg.core.sync.Outbox;

/**
 * {@link NumberService} on JPA. Each call is one transaction with its audit entries, routing change and sync tasks;
 * a batch is checked whole before anything is written, and any refusal rolls all of it back.
 */
@Stateless
@Local(NumberService.class)
public class NumberServiceBean implements NumberService {

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    Outbox outbox;

    @EJB
    org.opencg.core.testlines.TestLineServiceBean testLines;

    @Inject
    Event<RoutingChange> routing;

    @Override
    public List<NumberView> list(NumberFilter filter, NumberOrder order, boolean descending, int skip, int limit) {
        String direction = descending ? " desc" : "";
        String by = switch (order) {
            case NUMBER -> "n.e164" + direction;
            case ACCOUNT -> "n.account.name" + direction + ", n.e164";
            case SYNC_STATUS -> "n.sync.status" + direction + ", n.e164";
        };
        return query(filter, "select n from TelephoneNumber n join fetch n.account", " order by " + by,
                TelephoneNumber.class).setFirstResult(skip).setMaxResults(limit).getResultList().stream()
                .map(TelephoneNumber::view).toList();
    }

    @Override
    public long count(NumberFilter filter) {
        return query(filter, "select count(n) from TelephoneNumber n", "", Long.class)
                .getSingleResult();
    }

    /** The filter as JPQL with parameters only (never the client's text in the query). */
    private <T> TypedQuery<T> query(NumberFilter filter, String select, String order, Class<T> type) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.exactNumber() != null) {
            where.append(" and n.e164 = :exact");
            parameters.put("exact", filter.exactNumber());
        }
        if (filter.numberPrefix() != null) {
            // A prefix is '+' and digits only (NumberFilter checked), so it needs no LIKE escaping.
            where.append(" and n.e164 like :prefix");
            parameters.put("prefix", filter.numberPrefix() + "%");
        }
        if (filter.accountName() != null) {
            where.append(" and n.account.name = :account");
            parameters.put("account", filter.accountName());
        }
        if (filter.provisioningStatus() != null) {
            where.append(" and n.sync.status = :status");
            parameters.put("status", filter.provisioningStatus());
        }
        for (Service service : filter.services()) {
            where.append(switch (service) {
                case OPERATOR_CONNECT -> " and n.operatorConnect.enabled = true";
                case PHONE_MOBILE -> " and n.phoneMobile.enabled = true";
                case DIRECT_ROUTING -> " and n.directRouting = true";
                case ZOOM -> " and n.zoom = true";
                case CALL_PROTECTION -> " and n.callProtection = true";
            });
        }
        TypedQuery<T> query = em.createQuery(select + where + order, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public NumberView get(String accountName, String telephoneNumber) {
        return require(accountName, telephoneNumber).view();
    }

    @Override
    public Saved createOrReplace(String accountName, String telephoneNumber, NumberDetails details, String ifMatch,
            String ifNoneMatch) {
        AccountRules.checkName(accountName);
        NumberRules.checkNumber(telephoneNumber, "telephoneNumber");
        Account account = requireAccount(accountName);
        TelephoneNumber existing = findAnywhere(List.of(telephoneNumber)).get(telephoneNumber);
        checkOwner(existing, accountName, "telephoneNumber");
        checkNotTestLine(telephoneNumber, testLines.linesByNumber(), "telephoneNumber");
        checkPreconditions(existing, ifMatch, ifNoneMatch);
        NumberRules.check(details, account.details(), "");
        List<NumberView> saved = save(account, List.of(new NumberEntry(telephoneNumber, details)),
                existing == null ? Map.of() : Map.of(telephoneNumber, existing));
        return new Saved(saved.get(0), existing == null);
    }

    @Override
    public List<NumberView> createOrUpdate(String accountName, List<NumberEntry> numbers) {
        AccountRules.checkName(accountName);
        NumberRules.checkBatch(numbers == null ? null : numbers.stream().map(NumberEntry::telephoneNumber).toList());
        Account account = requireAccount(accountName);
        Map<String, TelephoneNumber> existing = findAnywhere(
                numbers.stream().map(NumberEntry::telephoneNumber).toList());
        Map<String, String> lines = testLines.linesByNumber();
        for (int i = 0; i < numbers.size(); i++) {
            String target = "numbers[" + i + "].";
            NumberEntry entry = numbers.get(i);
            if (entry.details().accountName() != null && !entry.details().accountName().equals(accountName)) {
                throw new ProvisioningException(Kind.INVALID, "AccountNameMismatch", "accountName '"
                        + entry.details().accountName() + "' differs from the account in the path '" + accountName
                        + "'", target + "accountName");
            }
            checkOwner(existing.get(entry.telephoneNumber()), accountName, target + "telephoneNumber");
            checkNotTestLine(entry.telephoneNumber(), lines, target + "telephoneNumber");
            NumberRules.check(entry.details(), account.details(), target);
        }
        return save(account, numbers, existing);
    }

    @Override
    public List<ImportResult> importNumbers(String accountName, List<NumberEntry> rows, boolean allOrNothing) {
        AccountRules.checkName(accountName);
        if (rows.size() > NumberCsv.MAX_ROWS) {
            throw new ProvisioningException(Kind.INVALID, "TooManyNumbers", rows.size() + " numbers; at most "
                    + NumberCsv.MAX_ROWS + " in one file", "numbers");
        }
        Account account = requireAccount(accountName);
        List<String> all = rows.stream().map(NumberEntry::telephoneNumber).filter(java.util.Objects::nonNull)
                .distinct().toList();
        Map<String, TelephoneNumber> existing = new HashMap<>();
        for (int i = 0; i < all.size(); i += 500) { // an IN list of bounded length
            existing.putAll(findAnywhere(all.subList(i, Math.min(all.size(), i + 500))));
        }
        Map<String, String> lines = testLines.linesByNumber();
        List<String> problems = new ArrayList<>(rows.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<NumberEntry> good = new ArrayList<>();
        for (NumberEntry row : rows) {
            String problem = null;
            try {
                NumberRules.checkNumber(row.telephoneNumber(), "telephoneNumber");
                if (!seen.add(row.telephoneNumber())) {
                    problem = "appears more than once in the file";
                } else {
                    checkOwner(existing.get(row.telephoneNumber()), accountName, "telephoneNumber");
                    checkNotTestLine(row.telephoneNumber(), lines, "telephoneNumber");
                    NumberRules.check(withAccount(row.details(), accountName), account.details(), "");
                }
            } catch (ProvisioningException e) {
                problem = e.getMessage();
            }
            problems.add(problem);
            if (problem == null) {
                good.add(row);
            }
        }
        boolean refuseAll = allOrNothing && good.size() < rows.size();
        java.util.Set<String> before = new java.util.HashSet<>(existing.keySet());
        if (!refuseAll && !good.isEmpty()) {
            save(account, good, existing);
        }
        List<ImportResult> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String number = rows.get(i).telephoneNumber();
            results.add(problems.get(i) != null ? new ImportResult(number, "refused", problems.get(i))
                    : refuseAll ? new ImportResult(number, "notSaved",
                            "not saved: another row was refused and the file was all or nothing")
                    : new ImportResult(number, before.contains(number) ? "updated" : "created", null));
        }
        return results;
    }

    /** Writes checked numbers: one audit entry, sync task and route each, in the caller's transaction. */
    private List<NumberView> save(Account account, List<NumberEntry> numbers, Map<String, TelephoneNumber> existing) {
        Instant now = Instant.now();
        AccountDetails accountDetails = account.details();
        List<TelephoneNumber> written = new ArrayList<>(numbers.size());
        List<NumberView> before = new ArrayList<>(numbers.size());
        for (NumberEntry entry : numbers) {
            NumberDetails details = withAccount(entry.details(), account.name());
            boolean waits = SyncRules.needsSync(details, accountDetails);
            TelephoneNumber number = existing.get(entry.telephoneNumber());
            before.add(number == null ? null : number.view());
            if (number == null) {
                number = new TelephoneNumber(entry.telephoneNumber(), account, details, waits, now);
                em.persist(number);
            } else {
                number.replaceWith(details, waits, now);
            }
            written.add(number);
        }
        em.flush();
        List<NumberView> after = new ArrayList<>(written.size());
        List<NumberRoute> routes = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            NumberView view = written.get(i).view();
            after.add(view);
            routes.add(NumberRoute.of(view.telephoneNumber(), view.details()));
            audit.record("number", view.telephoneNumber(), before.get(i), view);
            NumberView old = before.get(i);
            if (SyncRules.needsSync(view.details(), accountDetails)
                    || old != null && SyncRules.needsSync(old.details(), accountDetails)) {
                outbox.enqueue("number", view.telephoneNumber(), accountDetails.teamsTenantId());
            }
        }
        routing.fire(RoutingChange.numbers(routes, List.of()));
        return after;
    }

    /** A test line's number is never a customer's (acg-behaviour.md §10): refused with the line's name. */
    private static void checkNotTestLine(String number, Map<String, String> lines, String target) {
        String line = lines.get(number);
        if (line != null) {
            throw new ProvisioningException(Kind.CONFLICT, "NumberIsTestLine", number + " is test line '" + line
                    + "'; a customer's number cannot be a test line's", target);
        }
    }

    private static NumberDetails withAccount(NumberDetails d, String accountName) {
        return new NumberDetails(accountName, d.operatorConnect(), d.directRouting(), d.phoneMobile(), d.zoom(),
                d.callProtection(), d.customSipHeader());
    }

    @Override
    public void delete(String accountName, String telephoneNumber, String ifMatch) {
        TelephoneNumber number = require(accountName, telephoneNumber);
        checkPreconditions(number, ifMatch, null);
        remove(List.of(number));
    }

    @Override
    public void delete(String accountName, List<String> telephoneNumbers) {
        AccountRules.checkName(accountName);
        NumberRules.checkBatch(telephoneNumbers);
        requireAccount(accountName);
        Map<String, TelephoneNumber> found = findAnywhere(telephoneNumbers);
        List<TelephoneNumber> numbers = new ArrayList<>();
        for (int i = 0; i < telephoneNumbers.size(); i++) {
            TelephoneNumber number = found.get(telephoneNumbers.get(i));
            if (number == null || !number.account().name().equals(accountName)) {
                throw notFound(accountName, telephoneNumbers.get(i), "numbers[" + i + "].telephoneNumber");
            }
            numbers.add(number);
        }
        remove(numbers);
    }

    private void remove(List<TelephoneNumber> numbers) {
        List<String> removed = new ArrayList<>(numbers.size());
        for (TelephoneNumber number : numbers) {
            NumberView before = number.view();
            AccountDetails account = number.account().details();
            em.remove(number);
            audit.record("number", before.telephoneNumber(), before, null);
            if (SyncRules.needsSync(before.details(), account)) {
                outbox.enqueue("number", before.telephoneNumber(), account.teamsTenantId());
            }
            removed.add(before.telephoneNumber());
        }
        routing.fire(RoutingChange.numbers(List.of(), removed));
    }

    private Map<String, TelephoneNumber> findAnywhere(List<String> e164s) {
        Map<String, TelephoneNumber> found = new HashMap<>();
        em.createQuery("select n from TelephoneNumber n join fetch n.account where n.e164 in :numbers",
                TelephoneNumber.class).setParameter("numbers", e164s).getResultList()
                .forEach(n -> found.put(n.e164(), n));
        return found;
    }

    /** A number of another account cannot be taken over: it must be deleted there first. */
    private static void checkOwner(TelephoneNumber existing, String accountName, String target) {
        if (existing != null && !existing.account().name().equals(accountName)) {
            throw new ProvisioningException(Kind.CONFLICT, "NumberInAnotherAccount",
                    existing.e164() + " is provisioned on another account; delete it there first", target);
        }
    }

    private static void checkPreconditions(TelephoneNumber existing, String ifMatch, String ifNoneMatch) {
        Preconditions.check("number", existing == null ? null : existing.version(), ifMatch,
                ifNoneMatch);
    }

    private Account requireAccount(String name) {
        Account account = Account.find(em, name);
        if (account == null) {
            throw new ProvisioningException(Kind.NOT_FOUND, "NotFound", "Account '" + name + "' does not exist.",
                    "accountName");
        }
        return account;
    }

    /** The number of this account; one of another account is as unknown as one of none (acg-behaviour.md §13.10). */
    private TelephoneNumber require(String accountName, String telephoneNumber) {
        AccountRules.checkName(accountName);
        NumberRules.checkNumber(telephoneNumber, "telephoneNumber");
        requireAccount(accountName);
        TelephoneNumber number = TelephoneNumber.find(em, telephoneNumber);
        if (number == null || !number.account().name().equals(accountName)) {
            throw notFound(accountName, telephoneNumber, "telephoneNumber");
        }
        return number;
    }

    private static ProvisioningException notFound(String accountName, String number, String target) {
        return new ProvisioningException(Kind.NOT_FOUND, "NotFound",
                "Number '" + number + "' does not exist in account '" + accountName + "'.", target);
    }
}
