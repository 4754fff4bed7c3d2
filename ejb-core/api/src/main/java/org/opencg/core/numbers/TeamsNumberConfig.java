package org.opencg.core.numbers;

import java.util.List;

/**
 * TeamsCommonNumberConfig (acg-behaviour.md §1.5): how an Operator Connect or Teams Phone Mobile number is used in
 * Teams. {@code acquiredCapabilities} and {@code availableCapabilities} are Teams' answer, written by the sync only.
 */
public record TeamsNumberConfig(String usage, List<String> choosableCapabilities, List<String> acquiredCapabilities,
        List<String> availableCapabilities, List<String> additionalUsages, String civicAddressId, String locationId,
        boolean allowTenantAddressUpdate, String displayedCountryCode) {

    public TeamsNumberConfig {
        choosableCapabilities = copy(choosableCapabilities);
        acquiredCapabilities = copy(acquiredCapabilities);
        availableCapabilities = copy(availableCapabilities);
        additionalUsages = copy(additionalUsages);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** The same configuration with Teams' capability answer, as the sync learns it. */
    public TeamsNumberConfig withTeamsCapabilities(List<String> acquired, List<String> available) {
        return new TeamsNumberConfig(usage, choosableCapabilities, acquired, available, additionalUsages,
                civicAddressId, locationId, allowTenantAddressUpdate, displayedCountryCode);
    }
}
