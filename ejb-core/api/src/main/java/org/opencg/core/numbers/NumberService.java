package org.opencg.core.numbers;

import java.util.List;

/**
 * The telephone numbers of the Provisioning API and the portal. A number belongs to one account; one of another
 * account is "not found" through this account. Every method does all it says or throws
 * {@link org.opencg.core.accounts.ProvisioningException} having changed nothing (a batch included).
 */
public interface NumberService {

    String JNDI = "java:global/opencg/ejb-core/NumberServiceBean!org.opencg.core.numbers.NumberService";

    /** Numbers matching the filter ordered by number, from {@code skip}, at most {@code limit}. */
    default List<NumberView> list(NumberFilter filter, int skip, int limit) {
        return list(filter, NumberOrder.NUMBER, false, skip, limit);
    }

    /** Numbers matching the filter in the given order (sorted in the database), from {@code skip}, at most
     * {@code limit}. */
    List<NumberView> list(NumberFilter filter, NumberOrder order, boolean descending, int skip, int limit);

    long count(NumberFilter filter);

    NumberView get(String accountName, String telephoneNumber);

    /** Creates or replaces one number; {@code ifMatch}/{@code ifNoneMatch} as for accounts. */
    Saved createOrReplace(String accountName, String telephoneNumber, NumberDetails details, String ifMatch,
            String ifNoneMatch);

    void delete(String accountName, String telephoneNumber, String ifMatch);

    /** Creates or replaces up to 100 numbers of the account, all or none. Returns them as stored, in order. */
    List<NumberView> createOrUpdate(String accountName, List<NumberEntry> numbers);

    /** Deletes up to 100 numbers of the account, all or none; a number not in the account is 404. */
    void delete(String accountName, List<String> telephoneNumbers);

    /**
     * Up to {@link NumberCsv#MAX_ROWS} numbers for one account from a file: every row is checked as the API would;
     * with {@code allOrNothing} nothing is saved unless every row passes, otherwise each good row is saved and each
     * bad one says why. One result per row, in order.
     */
    List<ImportResult> importNumbers(String accountName, List<NumberEntry> rows, boolean allOrNothing);

    /** What happened to one row of an import: {@code created}, {@code updated}, {@code refused}, {@code notSaved}. */
    record ImportResult(String telephoneNumber, String outcome, String reason) {
    }

    record Saved(NumberView number, boolean created) {
    }

    /** One item of a batch: the number and its details. */
    record NumberEntry(String telephoneNumber, NumberDetails details) {
    }
}
