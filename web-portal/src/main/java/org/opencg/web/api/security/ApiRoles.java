package org.opencg.web.api.security;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Provisioning API's app roles (acg-behaviour.md §1.1): {@code ProvisioningAPI.Admin} may do everything,
 * {@code .Read} every GET, {@code .Write} every PUT, PATCH and POST action, {@code .Delete} every DELETE. Each
 * resource method names its roles with {@link Allowed}. Two POST actions are decided where ACG leaves them open:
 * {@code :deleteNumbers} deletes, so it takes Delete (or Write); the {@code :getTeams...} look-ups change nothing,
 * so Read suffices. OpenCG's audit trail and call records are Admin's alone: they span every tenant.
 */
public final class ApiRoles {

    public static final String ADMIN = "ProvisioningAPI.Admin";
    public static final String READ = "ProvisioningAPI.Read";
    public static final String WRITE = "ProvisioningAPI.Write";
    public static final String DELETE = "ProvisioningAPI.Delete";

    private ApiRoles() {
    }

    /** The roles any one of which lets a caller invoke {@code method}: Admin, and those its {@link Allowed} names. */
    public static Set<String> allowed(Method method) {
        Set<String> roles = new LinkedHashSet<>(List.of(ADMIN));
        Allowed allowed = method == null ? null : method.getAnnotation(Allowed.class);
        if (allowed != null) {
            roles.addAll(List.of(allowed.value()));
        }
        return roles;
    }
}
