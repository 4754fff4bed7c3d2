package org.opencg.web.portal;

import java.io.Serializable;
import java.util.Set;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;


/**
 * Who is signed in to this browser session, and what they may do. Pages hide what a role may not do; every action
 * asks {@link #allowed} again on the server, so a hand-made request is refused too.
 */
@Named("signedIn")
@SessionScoped
public class PortalSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private String username;
    private Set<String> roles = Set.of();

    /** The caller the container signed in, with the roles it has. */
    void signedIn(String username, Set<String> roles) {
        this.username = username;
        this.roles = Set.copyOf(roles);
    }

    public boolean isSignedIn() {
        return username != null;
    }

    public String getUsername() {
        return username;
    }

    /** Read is every signed-in user's; Admin may do everything (as the API's Admin scope). */
    public boolean may(String role) {
        return username != null && (roles.contains(role) || roles.contains("AdminUser")
                || "ReadUser".equals(role));
    }

    public boolean isWriter() {
        return may("WriteUser");
    }

    public boolean isDeleter() {
        return may("DeleteUser");
    }

    public boolean isAdmin() {
        return may("AdminUser");
    }

    /**
     * Whether the signed-in user has the role; when not, the page says so and the action must do nothing. JSF already
     * ignores a button a page did not render; this is the check that does not depend on what was rendered.
     */
    boolean allowed(String role) {
        if (may(role)) {
            return true;
        }
        Messages.refused(null, "Not allowed: this needs the " + role + " role.");
        return false;
    }
}
