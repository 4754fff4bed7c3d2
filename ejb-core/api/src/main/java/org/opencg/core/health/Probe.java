package org.opencg.core.health;

/**
 * The probes the gateway has, with where each one is deployed. The JNDI names follow from the EAR's
 * application name ({@code opencg}) and module names, which the ear module fixes.
 */
public enum Probe {
    DATABASE("database", "ejb-core", "DatabaseProbe"),
    SIP_LISTENERS("sip-listeners", "sip-servlet-module", "SipListenerProbe"),
    RTPENGINE("rtpengine", "sip-servlet-module", "RtpengineProbe");

    private final String checkName;
    private final String module;
    private final String bean;

    Probe(String checkName, String module, String bean) {
        this.checkName = checkName;
        this.module = module;
        this.bean = bean;
    }

    /** The name shown in the health response, e.g. {@code database}. */
    public String checkName() {
        return checkName;
    }

    public String jndiName() {
        return "java:global/opencg/" + module + "/" + bean + "!" + HealthProbe.class.getName();
    }
}
