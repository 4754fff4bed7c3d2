package org.opencg.core.numbers;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A number's Operator Connect or Teams Phone Mobile service as columns (embedded twice, once per service). Lists are
 * stored comma-separated: capability and usage names are identifiers without commas.
 */
@Embeddable
public class TeamsSettings {

    @Column(name = "enabled")
    private Boolean enabled;
    @Column(name = "assignment", length = 16)
    private String assignment;
    @Column(name = "usage", length = 100)
    private String usage;
    @Column(name = "choosable", length = 1000)
    private String choosable;
    @Column(name = "acquired", length = 1000)
    private String acquired;
    @Column(name = "available", length = 1000)
    private String available;
    @Column(name = "additional_usages", length = 1000)
    private String additionalUsages;
    @Column(name = "civic_address_id", length = 100)
    private String civicAddressId;
    @Column(name = "location_id", length = 100)
    private String locationId;
    @Column(name = "allow_tenant_address_update")
    private Boolean allowTenantAddressUpdate;
    @Column(name = "displayed_country_code", length = 8)
    private String displayedCountryCode;

    protected TeamsSettings() {
        // for JPA
    }

    static TeamsSettings of(TeamsNumber teams) {
        TeamsSettings settings = new TeamsSettings();
        if (teams == null) {
            return settings;
        }
        settings.enabled = teams.enabled();
        settings.assignment = teams.assignmentStatus();
        TeamsNumberConfig config = teams.configuration();
        if (config != null) {
            settings.usage = config.usage();
            settings.choosable = join(config.choosableCapabilities());
            settings.acquired = join(config.acquiredCapabilities());
            settings.available = join(config.availableCapabilities());
            settings.additionalUsages = join(config.additionalUsages());
            settings.civicAddressId = config.civicAddressId();
            settings.locationId = config.locationId();
            settings.allowTenantAddressUpdate = config.allowTenantAddressUpdate();
            settings.displayedCountryCode = config.displayedCountryCode();
        }
        return settings;
    }

    /** The service as the core sees it, or null when it was never given. */
    TeamsNumber view() {
        if (enabled == null) {
            return null;
        }
        TeamsNumberConfig config = usage == null ? null
                : new TeamsNumberConfig(usage, split(choosable), split(acquired), split(available),
                        split(additionalUsages), civicAddressId, locationId,
                        Boolean.TRUE.equals(allowTenantAddressUpdate), displayedCountryCode);
        return new TeamsNumber(enabled, assignment, config);
    }

    private static String join(java.util.List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static java.util.List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? java.util.List.of() : java.util.List.of(joined.split(","));
    }
}
