package org.opencg.core.users;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A member of the operator's staff who signs in to the portal, with the roles that say what they may do. */
@Entity
@Table(name = "portal_user")
@NamedQuery(name = "PortalUser.count", query = "select count(u) from PortalUser u")
@NamedQuery(name = "PortalUser.byName", query = "select u from PortalUser u where u.username = :username")
public class PortalUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    /** Comma-separated {@link PortalRole} names. */
    @Column(nullable = false)
    private String roles;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PortalUser() {
        // for JPA
    }

    public PortalUser(String username, String passwordHash, Set<PortalRole> roles, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", roles.stream().map(Enum::name).sorted().toList());
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<PortalRole> roles() {
        Set<PortalRole> result = new TreeSet<>();
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(PortalRole::valueOf).forEach(result::add);
        return result;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
