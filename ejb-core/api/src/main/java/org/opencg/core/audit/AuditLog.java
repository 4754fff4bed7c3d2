package org.opencg.core.audit;

import java.util.List;

/** The audit trail, read side: newest first, optionally only one resource type and key (the key as a prefix). */
public interface AuditLog {

    String JNDI = "java:global/opencg/ejb-core/AuditTrail!org.opencg.core.audit.AuditLog";

    List<AuditEntry> list(String resourceType, String keyPrefix, int skip, int limit);
}
