package org.opencg.core.routing;

import java.util.Set;

import org.opencg.core.numbers.Service;

/** What a call needs to know of a number: its account, the services on it and its custom SIP header value. */
public record NumberRoute(String telephoneNumber, String accountName, Set<Service> services, String customSipHeader) {

    public NumberRoute {
        services = Set.copyOf(services);
    }

    public static NumberRoute of(String telephoneNumber, org.opencg.core.numbers.NumberDetails details) {
        return new NumberRoute(telephoneNumber, details.accountName(), details.services(), details.customSipHeader());
    }
}
