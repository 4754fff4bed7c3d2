package org.opencg.core.numbers;

/** The backend services a number or an account can take, with the property names the API gives them. */
public enum Service {
    OPERATOR_CONNECT("teamsOperatorConnect"),
    DIRECT_ROUTING("teamsDirectRouting"),
    PHONE_MOBILE("teamsPhoneMobile"),
    ZOOM("zoomPhoneCloudPeering"),
    CALL_PROTECTION("azureOperatorCallProtection");

    private final String property;

    Service(String property) {
        this.property = property;
    }

    public String property() {
        return property;
    }

    public static Service ofProperty(String property) {
        for (Service service : values()) {
            if (service.property.equals(property)) {
                return service;
            }
        }
        return null;
    }
}
