package org.opencg.web.api.security;

import java.util.Set;

/**
 * Which app role an operation needs (acg-behaviour.md §1.1): {@code ProvisioningAPI.Admin} may do everything,
 * {@code .Read} every GET, {@code .Write} every PUT, PATCH and POST action, {@code .Delete} every DELETE. Two POST
 * actions are decided here where ACG leaves them open: {@code :deleteNumbers} deletes, so it needs Delete (or
 * Write); the {@code :getTeams...} look-ups change nothing, so Read suffices. OpenCG's audit trail
 * ({@code /audit}) and call records ({@code /callRecords}) are Admin's alone: they span every tenant.
 */
public final class ApiRoles {

    public static final String ADMIN = "ProvisioningAPI.Admin";
    public static final String READ = "ProvisioningAPI.Read";
    public static final String WRITE = "ProvisioningAPI.Write";
    public static final String DELETE = "ProvisioningAPI.Delete";

    private ApiRoles() {
    }

    /** The roles any one of which lets a caller make this request (Admin always does). */
    public static Set<String> allowed(String method, String path) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        if (resource.startsWith("audit") || resource.startsWith("callRecords")) {
            return Set.of(ADMIN); // OpenCG's own: who changed what, and who called whom, is for administrators
        }
        return switch (method) {
            case "GET", "HEAD" -> Set.of(ADMIN, READ);
            case "DELETE" -> Set.of(ADMIN, DELETE);
            case "POST" -> path.endsWith(":deleteNumbers") ? Set.of(ADMIN, DELETE, WRITE)
                    : path.contains(":getTeams") ? Set.of(ADMIN, READ, WRITE) : Set.of(ADMIN, WRITE);
            default -> Set.of(ADMIN, WRITE);
        };
    }
}
