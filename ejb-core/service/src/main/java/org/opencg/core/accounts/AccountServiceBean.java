package org.opencg.core.accounts;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencg.core.accounts.ProvisioningException.Kind;

/** {@link AccountService} on JPA: each call is one transaction, so a refused request leaves nothing behind. */
@Stateless
@Local(AccountService.class)
public class AccountServiceBean implements AccountService {

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @Override
    public List<AccountView> list(int skip, int limit) {
        return em.createNamedQuery("Account.ordered", Account.class).setFirstResult(skip).setMaxResults(limit)
                .getResultList().stream().map(Account::view).toList();
    }

    @Override
    public long count() {
        return em.createNamedQuery("Account.count", Long.class).getSingleResult();
    }

    @Override
    public AccountView get(String name) {
        return require(name).view();
    }

    @Override
    public Saved createOrReplace(String name, AccountDetails details, String ifMatch, String ifNoneMatch) {
        AccountRules.checkName(name);
        AccountRules.check(details);
        Account existing = find(name);
        checkPreconditions(existing, ifMatch, ifNoneMatch);
        Instant now = Instant.now();
        if (existing == null) {
            Account account = new Account(name, details, now);
            em.persist(account);
            em.flush();
            return new Saved(account.view(), true);
        }
        existing.replaceWith(details, now);
        em.flush();
        return new Saved(existing.view(), false);
    }

    @Override
    public void delete(String name, String ifMatch) {
        Account account = require(name);
        checkPreconditions(account, ifMatch, null);
        em.remove(account);
    }

    /** RFC 9110 §13.1.1-2: If-Match needs the resource at that tag, If-None-Match: * needs it absent. */
    private static void checkPreconditions(Account existing, String ifMatch, String ifNoneMatch) {
        String etag = existing == null ? null : AccountRules.etag(existing.version());
        if (ifMatch != null && (etag == null || !AccountRules.etagMatches(ifMatch, etag))) {
            throw new ProvisioningException(Kind.PRECONDITION_FAILED, "PreconditionFailed",
                    "If-Match " + ifMatch + " does not match the account's ETag " + etag, "If-Match");
        }
        if (ifNoneMatch != null && etag != null && AccountRules.etagMatches(ifNoneMatch, etag)) {
            throw new ProvisioningException(Kind.PRECONDITION_FAILED, "PreconditionFailed",
                    "If-None-Match " + ifNoneMatch + " matches the existing account", "If-None-Match");
        }
    }

    private Account find(String name) {
        return em.createNamedQuery("Account.byName", Account.class).setParameter("name", name).getResultStream()
                .findFirst().orElse(null);
    }

    private Account require(String name) {
        Account account = find(name);
        if (account == null) {
            throw new ProvisioningException(Kind.NOT_FOUND, "NotFound", "no account named " + name, "accountName");
        }
        return account;
    }
}
