package org.opencg.core.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making the changes of this request, for the audit trail: the face that received it sets the name (the
 * token's subject, the portal user) and the source ({@code api}, {@code portal}, {@code sync}); work the gateway
 * does on its own is {@code system}. Request-scoped, so services read it without every method passing it along.
 */
@RequestScoped
public class Actor {

    public static final String API = "api";
    public static final String PORTAL = "portal";
    public static final String SYNC = "sync";
    public static final String SYSTEM = "system";

    private String name = SYSTEM;
    private String source = SYSTEM;
    private String address;

    public void set(String name, String source, String address) {
        this.name = name;
        this.source = source;
        this.address = address;
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    /** The client's network address, when the change came over the network. */
    public String address() {
        return address;
    }
}
