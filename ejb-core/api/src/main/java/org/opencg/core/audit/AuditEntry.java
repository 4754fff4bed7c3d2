package org.opencg.core.audit;

import java.time.Instant;

/** One change as the audit trail keeps it: when, who and from where, what, and the resource before and after. */
public record AuditEntry(long id, Instant at, String actor, String source, String address, String resourceType,
        String resourceKey, String action, String before, String after) {
}
