package org.opencg.web.portal;

import java.util.HashSet;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.opencg.core.users.PortalUsers;

/**
 * The portal's users for the container's security (Jakarta Security on WildFly's Elytron): a name and password are
 * checked against the PBKDF2 hashes of the users table by {@link PortalUsers}, and a user's groups are its roles
 * plus {@link #SIGNED_IN}, the role web.xml asks of every portal page.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    /** Every signed-in user's role: what web.xml's security constraint on /portal/* requires. */
    public static final String SIGNED_IN = "PortalUser";

    @EJB(lookup = PortalUsers.JNDI)
    PortalUsers users;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return users.signIn(credential.getCaller(), credential.getPassword().getValue())
                .map(user -> {
                    Set<String> groups = new HashSet<>(user.roles());
                    groups.add(SIGNED_IN);
                    return new CredentialValidationResult(user.username(), groups);
                })
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
