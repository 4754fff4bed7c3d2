package org.opencg.core.accounts;

import java.util.List;

/**
 * The accounts of the Provisioning API and the portal: one set of rules, two faces. Every method either does all
 * it says or throws {@link ProvisioningException} having changed nothing.
 */
public interface AccountService {

    /** A compile-time constant, since {@code @EJB(lookup)} takes only those. */
    String JNDI = "java:global/opencg/ejb-core/AccountServiceBean!org.opencg.core.accounts.AccountService";

    /** Accounts ordered by name, from {@code skip}, at most {@code limit}. */
    default List<AccountView> list(int skip, int limit) {
        return list(null, skip, limit);
    }

    default long count() {
        return count(null);
    }

    /**
     * Accounts whose name contains {@code namePart} (any case; null or blank: every account), ordered by name, from
     * {@code skip}, at most {@code limit}: paged in the database, for lists of any length.
     */
    List<AccountView> list(String namePart, int skip, int limit);

    long count(String namePart);

    AccountView get(String name);

    /**
     * Creates the account or replaces all its details. {@code ifMatch} (a version, or "*") must match an existing
     * account; {@code ifNoneMatch} "*" means create only. Returns the stored account and whether it was created.
     */
    Saved createOrReplace(String name, AccountDetails details, String ifMatch, String ifNoneMatch);

    /**
     * Deletes the account; {@code ifMatch} as for {@link #createOrReplace}. An account with numbers is deleted only
     * with {@code deleteNumbers}, which deletes them too (acg-behaviour.md §1.4, Accounts_Delete).
     */
    void delete(String name, String ifMatch, boolean deleteNumbers);


    record Saved(AccountView account, boolean created) {
    }
}
