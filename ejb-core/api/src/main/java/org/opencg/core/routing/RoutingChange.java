package org.opencg.core.routing;

import java.util.List;

/**
 * What a committed provisioning change did to routing, fired as a CDI event inside the transaction and applied to
 * the snapshot only once it has committed: numbers put or removed, an account put or removed.
 */
public record RoutingChange(List<NumberRoute> numbersPut, List<String> numbersRemoved, AccountRoute accountPut,
        String accountRemoved) {

    public static RoutingChange numbers(List<NumberRoute> put, List<String> removed) {
        return new RoutingChange(List.copyOf(put), List.copyOf(removed), null, null);
    }

    public static RoutingChange account(AccountRoute put) {
        return new RoutingChange(List.of(), List.of(), put, null);
    }

    public static RoutingChange accountRemoved(String name, List<String> numbersRemoved) {
        return new RoutingChange(List.of(), List.copyOf(numbersRemoved), null, name);
    }

    /** Applies the change to a snapshot. */
    public void applyTo(RoutingSnapshot snapshot) {
        if (accountPut != null) {
            snapshot.put(accountPut);
        }
        snapshot.putAll(numbersPut);
        snapshot.removeAll(numbersRemoved);
        if (accountRemoved != null) {
            snapshot.removeAccount(accountRemoved);
        }
    }
}
