package org.opencg.core.numbers;

/**
 * What a client says about a telephone number (acg-behaviour.md §1.5 NumberResource, the writable part): the account
 * it belongs to, its services and the value of the custom SIP header. A null service was not given, which reads as
 * "off"; {@code operatorConnect} and {@code phoneMobile} carry their Teams configuration.
 */
public record NumberDetails(String accountName, TeamsNumber operatorConnect, Boolean directRouting,
        TeamsNumber phoneMobile, Boolean zoom, Boolean callProtection, String customSipHeader) {

    public boolean operatorConnectEnabled() {
        return operatorConnect != null && operatorConnect.enabled();
    }

    public boolean phoneMobileEnabled() {
        return phoneMobile != null && phoneMobile.enabled();
    }

    public boolean directRoutingEnabled() {
        return Boolean.TRUE.equals(directRouting);
    }

    public boolean zoomEnabled() {
        return Boolean.TRUE.equals(zoom);
    }

    public boolean callProtectionEnabled() {
        return Boolean.TRUE.equals(callProtection);
    }

    /**
     * The number handed back by its enterprise (NMP "Release numbers", acg-behaviour.md §2): every service off, so no
     * call is routed to it and the sync releases it from the Teams tenant, while it stays in the account's inventory
     * with its Teams configuration and custom header, ready to be given out again or deleted.
     */
    public NumberDetails released() {
        return new NumberDetails(accountName, off(operatorConnect), null, off(phoneMobile), null, null,
                customSipHeader);
    }

    private static TeamsNumber off(TeamsNumber teams) {
        return teams == null ? null : new TeamsNumber(false, teams.assignmentStatus(), teams.configuration());
    }

    /** The services this number has on, in the API's names. */
    public java.util.Set<Service> services() {
        java.util.EnumSet<Service> on = java.util.EnumSet.noneOf(Service.class);
        if (operatorConnectEnabled()) {
            on.add(Service.OPERATOR_CONNECT);
        }
        if (directRoutingEnabled()) {
            on.add(Service.DIRECT_ROUTING);
        }
        if (phoneMobileEnabled()) {
            on.add(Service.PHONE_MOBILE);
        }
        if (zoomEnabled()) {
            on.add(Service.ZOOM);
        }
        if (callProtectionEnabled()) {
            on.add(Service.CALL_PROTECTION);
        }
        return on;
    }
}
