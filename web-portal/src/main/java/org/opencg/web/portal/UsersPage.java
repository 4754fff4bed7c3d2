package org.opencg.web.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opencg.core.users.PortalUsers;

/** The users page (AdminUser): who may sign in, with which roles, and adding one. */
@Named
@RequestScoped
public class UsersPage {

    @EJB(lookup = PortalUsers.JNDI)
    PortalUsers portalUsers;

    @Inject
    PortalSession session;

    private String username;
    private String password;
    private List<String> roles = new ArrayList<>();

    public List<PortalUsers.User> getUsers() {
        return session.may("AdminUser") ? portalUsers.list() : List.of();
    }

    public String roles(PortalUsers.User user) {
        return String.join(", ", new TreeSet<>(user.roles()));
    }

    public List<String> getAllRoles() {
        return List.of("ReadUser", "WriteUser", "DeleteUser", "AdminUser");
    }

    public void create() {
        if (!session.allowed("AdminUser")) {
            return;
        }
        try {
            portalUsers.create(username, password == null ? null : password.toCharArray(), Set.copyOf(roles));
            Messages.info("User " + username + " added.");
            username = null;
            roles = new ArrayList<>();
        } catch (PortalUsers.Refused e) {
            Messages.refused(List.of("username", "password", "roles").contains(e.field()) ? "userForm:" + e.field()
                    : null, e.getMessage());
        } finally {
            password = null;
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
