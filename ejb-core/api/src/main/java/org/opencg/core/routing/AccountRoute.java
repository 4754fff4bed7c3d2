package org.opencg.core.routing;

import java.util.Set;

import org.opencg.core.numbers.Service;

/**
 * What a call needs to know of an account: its Teams tenant (for {@code X-MS-TenantID}), its Direct Routing
 * subdomain label (the Contact host toward Teams) and whether Direct Routing calls are caller-ID screened.
 */
public record AccountRoute(String name, String teamsTenantId, String directRoutingSubdomain, boolean callScreening,
        Set<Service> services) {

    public AccountRoute {
        services = Set.copyOf(services);
    }

    public static AccountRoute of(String name, org.opencg.core.accounts.AccountDetails details) {
        java.util.EnumSet<Service> on = java.util.EnumSet.noneOf(Service.class);
        for (Service service : Service.values()) {
            if (org.opencg.core.numbers.NumberRules.takes(details, service)) {
                on.add(service);
            }
        }
        var dr = details.directRouting();
        return new AccountRoute(name, details.teamsTenantId(), dr == null ? null : dr.subdomain(),
                dr != null && dr.callScreening(), on);
    }
}
