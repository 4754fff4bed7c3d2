package org.opencg.core.accounts;

import java.util.List;
import java.util.Map;

import org.opencg.core.numbers.Service;

/**
 * An account as stored: its name, details, the sync's status and errors, how many of its numbers have each service
 * on, the DNS state of its Direct Routing subdomain ({@code provisioned}, {@code notProvisioned},
 * {@code inconsistent}; null without one) and its version (the ETag's source).
 */
public record AccountView(String name, AccountDetails details, String provisioningStatus,
        List<ProvisioningError> provisioningErrors, Map<Service, Long> numberCounts, String subdomainStatus,
        long version) {

    public AccountView {
        provisioningErrors = List.copyOf(provisioningErrors);
        numberCounts = Map.copyOf(numberCounts);
    }

    public long numberCount(Service service) {
        return numberCounts.getOrDefault(service, 0L);
    }

    /** The same account with its subdomain's DNS state, as the DNS side found it. */
    public AccountView withSubdomainStatus(String status) {
        return new AccountView(name, details, provisioningStatus, provisioningErrors, numberCounts, status, version);
    }
}
