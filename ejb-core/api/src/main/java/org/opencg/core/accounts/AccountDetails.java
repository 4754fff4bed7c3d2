package org.opencg.core.accounts;

/**
 * What a client says about an enterprise account (acg-behaviour.md §1.5 AccountResource, the writable part):
 * its correlation id, Teams tenant and the services it takes. Null service details mean "not taken".
 */
public record AccountDetails(String correlationId, String teamsTenantId, ServiceFlags operatorConnect,
        DirectRouting directRouting, ServiceFlags phoneMobile, ServiceFlags zoom, Boolean callProtection) {

    /** {@code enabled}: the service is on for the account; {@code syncEnabled}: changes flow through to it. */
    public record ServiceFlags(boolean enabled, boolean syncEnabled) {
    }

    /** Teams Direct Routing: the flags and the customer's subdomain with its two DNS verification tokens. */
    public record DirectRouting(boolean enabled, boolean syncEnabled, boolean callScreening, String subdomain,
            String region1Token, String region2Token) {
    }
}
