package org.opencg.web.api;

import java.util.List;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.numbers.NumberDetails;
import org.opencg.core.numbers.NumberView;
import org.opencg.core.numbers.TeamsNumber;
import org.opencg.core.numbers.TeamsNumberConfig;

/**
 * The wire shape of {@code NumberResource} (2024-02-29-preview, acg-behaviour.md §1.5) and its mapping to and from
 * the core's number. Read-only fields a client sends (status, Teams' acquired/available capabilities) are ignored.
 */
public record NumberJson(String telephoneNumber, String accountName, ServiceDetails serviceDetails,
        Configuration configuration, String serviceProvisioningStatus, List<ErrorJson> serviceProvisioningErrors) {

    public record ServiceDetails(Teams teamsOperatorConnect, Enabled teamsDirectRouting, Teams teamsPhoneMobile,
            Enabled zoomPhoneCloudPeering, Enabled azureOperatorCallProtection) {
    }

    public record Teams(Boolean enabled, String assignmentStatus, TeamsConfig configuration) {
    }

    public record TeamsConfig(String usage, List<String> choosableCapabilities, List<String> acquiredCapabilities,
            List<String> availableCapabilities, List<String> additionalUsages, String civicAddressId,
            String locationId, Boolean allowTenantAddressUpdate, String displayedCountryCode) {
    }

    public record Enabled(Boolean enabled) {
    }

    public record Configuration(String customSipHeader) {
    }

    static NumberJson of(NumberView number) {
        NumberDetails d = number.details();
        return new NumberJson(number.telephoneNumber(), d.accountName(),
                new ServiceDetails(teams(d.operatorConnect()), enabled(d.directRouting()), teams(d.phoneMobile()),
                        enabled(d.zoom()), enabled(d.callProtection())),
                d.customSipHeader() == null ? null : new Configuration(d.customSipHeader()),
                number.provisioningStatus(), ErrorJson.of(number.provisioningErrors()));
    }

    private static Teams teams(TeamsNumber teams) {
        if (teams == null) {
            return null;
        }
        TeamsNumberConfig c = teams.configuration();
        return new Teams(teams.enabled(), teams.assignmentStatus(), c == null ? null
                : new TeamsConfig(c.usage(), c.choosableCapabilities(), c.acquiredCapabilities(),
                        c.availableCapabilities(), c.additionalUsages(), c.civicAddressId(), c.locationId(),
                        c.allowTenantAddressUpdate(), c.displayedCountryCode()));
    }

    private static Enabled enabled(Boolean enabled) {
        return enabled == null ? null : new Enabled(enabled);
    }

    /** The core's details; {@code target} is where this number sits in the request ("" or "numbers[i]."). */
    NumberDetails details(String target) {
        if (serviceDetails == null) {
            throw missing(target + "serviceDetails");
        }
        String base = target + "serviceDetails.";
        ServiceDetails s = serviceDetails;
        return new NumberDetails(accountName, teams(s.teamsOperatorConnect(), base + "teamsOperatorConnect."),
                enabled(s.teamsDirectRouting(), base + "teamsDirectRouting."),
                teams(s.teamsPhoneMobile(), base + "teamsPhoneMobile."),
                enabled(s.zoomPhoneCloudPeering(), base + "zoomPhoneCloudPeering."),
                enabled(s.azureOperatorCallProtection(), base + "azureOperatorCallProtection."),
                configuration == null ? null : configuration.customSipHeader());
    }

    private static TeamsNumber teams(Teams json, String target) {
        if (json == null) {
            return null;
        }
        TeamsConfig c = json.configuration();
        return new TeamsNumber(enabled(new Enabled(json.enabled()), target), json.assignmentStatus(), c == null ? null
                : new TeamsNumberConfig(c.usage(), c.choosableCapabilities(), null, null, c.additionalUsages(),
                        c.civicAddressId(), c.locationId(), Boolean.TRUE.equals(c.allowTenantAddressUpdate()),
                        c.displayedCountryCode()));
    }

    private static Boolean enabled(Enabled json, String target) {
        if (json == null) {
            return null;
        }
        if (json.enabled() == null) {
            throw missing(target + "enabled");
        }
        return json.enabled();
    }

    private static ProvisioningException missing(String target) {
        return new ProvisioningException(Kind.INVALID, "MissingRequiredProperty", target + " is required", target);
    }
}
