package org.opencg.web.api;

import org.opencg.core.accounts.AccountDetails;
import org.opencg.core.accounts.AccountView;
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.numbers.Service;

/**
 * The wire shape of {@code AccountResource} (2024-02-29-preview, acg-behaviour.md §1.5) and its mapping to and
 * from the core's account. Read-only fields sent by a client are ignored; required flags that are missing are 400.
 */
public record AccountJson(String name, String correlationId, ServiceDetails serviceDetails,
        String serviceProvisioningStatus, java.util.List<ErrorJson> serviceProvisioningErrors) {

    public record ServiceDetails(String teamsTenantId, Flags teamsOperatorConnect, DirectRouting teamsDirectRouting,
            Flags teamsPhoneMobile, Flags zoomPhoneCloudPeering, Flags azureOperatorCallProtection) {
    }

    public record Flags(Boolean syncEnabled, Boolean enabled, Long numberCount) {
    }

    public record DirectRouting(Boolean syncEnabled, Boolean enabled, Long numberCount,
            DirectRoutingConfig configuration, String subdomainStatus) {
    }

    public record DirectRoutingConfig(Boolean callScreening, String subdomain, Tokens subdomainTokens) {
    }

    public record Tokens(String region1Token, String region2Token) {
    }

    static AccountJson of(AccountView account) {
        AccountDetails d = account.details();
        AccountDetails.DirectRouting dr = d.directRouting();
        DirectRouting directRouting = dr == null ? null : new DirectRouting(dr.syncEnabled(), dr.enabled(),
                account.numberCount(Service.DIRECT_ROUTING),
                dr.subdomain() == null ? null : new DirectRoutingConfig(dr.callScreening(), dr.subdomain(),
                        new Tokens(dr.region1Token(), dr.region2Token())), account.subdomainStatus());
        return new AccountJson(account.name(), d.correlationId(),
                new ServiceDetails(d.teamsTenantId(), flags(d.operatorConnect(), account, Service.OPERATOR_CONNECT),
                        directRouting, flags(d.phoneMobile(), account, Service.PHONE_MOBILE),
                        flags(d.zoom(), account, Service.ZOOM), d.callProtection() == null ? null
                                : new Flags(null, d.callProtection(), account.numberCount(Service.CALL_PROTECTION))),
                account.provisioningStatus(), ErrorJson.of(account.provisioningErrors()));
    }

    private static Flags flags(AccountDetails.ServiceFlags flags, AccountView account, Service service) {
        return flags == null ? null
                : new Flags(flags.syncEnabled(), flags.enabled(), account.numberCount(service));
    }

    AccountDetails details() {
        ServiceDetails s = serviceDetails == null ? new ServiceDetails(null, null, null, null, null, null) : serviceDetails;
        String base = "serviceDetails.";
        AccountDetails.DirectRouting dr = null;
        if (s.teamsDirectRouting() != null) {
            DirectRouting json = s.teamsDirectRouting();
            DirectRoutingConfig config = json.configuration();
            Tokens tokens = config == null ? null : config.subdomainTokens();
            dr = new AccountDetails.DirectRouting(required(json.enabled(), base + "teamsDirectRouting.enabled"),
                    required(json.syncEnabled(), base + "teamsDirectRouting.syncEnabled"),
                    config == null || config.callScreening() == null || config.callScreening(),
                    config == null ? null : config.subdomain(),
                    tokens == null ? null : tokens.region1Token(), tokens == null ? null : tokens.region2Token());
        }
        Boolean protection = s.azureOperatorCallProtection() == null ? null
                : required(s.azureOperatorCallProtection().enabled(), base + "azureOperatorCallProtection.enabled");
        return new AccountDetails(correlationId, s.teamsTenantId(),
                flags(s.teamsOperatorConnect(), base + "teamsOperatorConnect"), dr,
                flags(s.teamsPhoneMobile(), base + "teamsPhoneMobile"),
                flags(s.zoomPhoneCloudPeering(), base + "zoomPhoneCloudPeering"), protection);
    }

    private static AccountDetails.ServiceFlags flags(Flags json, String target) {
        return json == null ? null : new AccountDetails.ServiceFlags(required(json.enabled(), target + ".enabled"),
                required(json.syncEnabled(), target + ".syncEnabled"));
    }

    private static boolean required(Boolean value, String target) {
        if (value == null) {
            throw new ProvisioningException(Kind.INVALID, "MissingRequiredProperty", target + " is required", target);
        }
        return value;
    }
}
