package org.opencg.core.users;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencg.core.audit.AuditTrail;

/** {@link PortalUsers} on JPA; every new user is in the audit trail (without its password). */
@Stateless
@Local(PortalUsers.class)
public class PortalUsersBean implements PortalUsers {

    /** Verified against when the user is unknown, so that a wrong name costs as long as a wrong password. */
    private static final String DECOY = PasswordHash.hash("decoy-password".toCharArray());
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @EJB
    AuditTrail audit;

    @Override
    public Optional<User> signIn(String username, char[] password) {
        PortalUser user = username == null ? null : em.createNamedQuery("PortalUser.byName", PortalUser.class)
                .setParameter("username", username).getResultStream().findFirst().orElse(null);
        boolean right = PasswordHash.verify(password, user == null ? DECOY : user.passwordHash());
        return right && user != null ? Optional.of(view(user)) : Optional.empty();
    }

    @Override
    public List<User> list() {
        return em.createQuery("select u from PortalUser u order by u.username", PortalUser.class).getResultList()
                .stream().map(PortalUsersBean::view).toList();
    }

    @Override
    public User create(String username, char[] password, Set<String> roles) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new Refused("username: 1 to 64 letters, digits, '.', '-', '_' or '@'");
        }
        if (password == null || password.length < 12) {
            throw new Refused("password: at least 12 characters");
        }
        if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new Refused("roles: one or more of " + new TreeSet<>(ROLES));
        }
        if (em.createNamedQuery("PortalUser.byName", PortalUser.class).setParameter("username", username)
                .getResultStream().findFirst().isPresent()) {
            throw new Refused("username: '" + username + "' is taken");
        }
        Set<PortalRole> granted = EnumSet.noneOf(PortalRole.class);
        roles.forEach(r -> granted.add(PortalRole.valueOf(r)));
        PortalUser user = new PortalUser(username, PasswordHash.hash(password), granted, Instant.now());
        em.persist(user);
        audit.record("portalUser", username, null, Map.of("username", username, "roles", new TreeSet<>(roles)));
        return view(user);
    }

    private static User view(PortalUser user) {
        Set<String> roles = new TreeSet<>();
        user.roles().forEach(r -> roles.add(r.name()));
        return new User(user.username(), Set.copyOf(roles), user.createdAt());
    }
}
