package org.opencg.core.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operator staff who sign in to the portal, and what each may do: roles named as the Provisioning API's scopes
 * ({@code ReadUser}, {@code WriteUser}, {@code DeleteUser}, {@code AdminUser}).
 */
public interface PortalUsers {

    String JNDI = "java:global/opencg/ejb-core/PortalUsersBean!org.opencg.core.users.PortalUsers";
    Set<String> ROLES = Set.of("ReadUser", "WriteUser", "DeleteUser", "AdminUser");

    /** A user the rules refuse; the message names the field first ("password: ..."). Nothing was changed. */
    @jakarta.ejb.ApplicationException(rollback = true)
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }

        /** The form field the refusal is about. */
        public String field() {
            String message = getMessage();
            return message.contains(":") ? message.substring(0, message.indexOf(':')) : null;
        }
    }

    /** A user as the portal shows it (never the password hash). */
    record User(String username, Set<String> roles, Instant createdAt) {
    }

    /**
     * The user's roles when the password is theirs; empty for a wrong password and an unknown user alike (and in
     * the same time), so that sign-in tells nobody which user names exist.
     */
    Optional<User> signIn(String username, char[] password);

    List<User> list();

    /**
     * Adds a user.
     *
     * @throws Refused naming what is wrong: the name (1-64 letters, digits, '.', '-', '_', '@'),
     *         a password shorter than 12, no or unknown roles, a name already taken
     */
    User create(String username, char[] password, Set<String> roles);
}
