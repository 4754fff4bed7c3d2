package org.opencg.core.routing;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The number → account table calls are routed by, in memory (issue 4: never read from the database on the call
 * path). Readers never block: each entry is replaced whole, so a call sees a number either before or after a change,
 * never half of one. Writers are the provisioning services, after their transaction has committed.
 */
public final class RoutingSnapshot {

    private final ConcurrentHashMap<String, NumberRoute> numbers;
    private final ConcurrentHashMap<String, AccountRoute> accounts = new ConcurrentHashMap<>();

    public RoutingSnapshot() {
        this(1024);
    }

    /** {@code expectedNumbers} sizes the table once, so loading a million numbers does not rehash on the way. */
    public RoutingSnapshot(int expectedNumbers) {
        numbers = new ConcurrentHashMap<>(Math.max(16, (int) (expectedNumbers / 0.75f) + 1));
    }

    /** The route of an E.164 number (with '+'), or null when it is not provisioned. */
    public Route lookup(String telephoneNumber) {
        NumberRoute number = numbers.get(telephoneNumber);
        if (number == null) {
            return null;
        }
        AccountRoute account = accounts.get(number.accountName());
        return account == null ? null : new Route(number, account);
    }

    public AccountRoute account(String name) {
        return accounts.get(name);
    }

    public void put(AccountRoute account) {
        accounts.put(account.name(), account);
    }

    public void removeAccount(String name) {
        accounts.remove(name);
    }

    public void put(NumberRoute number) {
        numbers.put(number.telephoneNumber(), number);
    }

    public void putAll(Collection<NumberRoute> routes) {
        routes.forEach(this::put);
    }

    public void removeNumber(String telephoneNumber) {
        numbers.remove(telephoneNumber);
    }

    public int size() {
        return numbers.size();
    }

    /** For tests and the status page: a copy, never the live map. */
    public Map<String, NumberRoute> numbers() {
        return Map.copyOf(numbers);
    }
}
