package org.opencg.web.api;

import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.opencg.core.audit.AuditEntry;
import org.opencg.core.audit.AuditLog;
import org.opencg.web.api.security.Allowed;

/**
 * OpenCG's addition to the ACG API: the audit trail, newest first, filtered by resource type ({@code account},
 * {@code number}, {@code consent}) and key prefix, paged like every list. Admin role only.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** An audit entry on the wire; before and after are the resource's JSON as it was and became. */
    public record EntryJson(long id, Instant at, String actor, String source, String address, String resourceType,
            String resourceKey, String action, String before, String after) {

        static EntryJson of(AuditEntry e) {
            return new EntryJson(e.id(), e.at(), e.actor(), e.source(), e.address(), e.resourceType(),
                    e.resourceKey(), e.action(), e.before(), e.after());
        }
    }

    @EJB(lookup = AuditLog.JNDI)
    AuditLog audit;

    @Context
    UriInfo uri;

    @Allowed({})
    @GET
    public Response list(@QueryParam("resourceType") String type, @QueryParam("resourceKey") String key,
            @QueryParam("skip") Integer skip, @QueryParam("top") Integer top,
            @QueryParam("maxpagesize") Integer maxPageSize) {
        return Paging.of(skip, top, maxPageSize).respond(uri, (from, limit) -> audit.list(type, key, from, limit),
                () -> 0, false, EntryJson::of);
    }
}
