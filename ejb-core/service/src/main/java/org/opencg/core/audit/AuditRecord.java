package org.opencg.core.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the audit trail; written once, in the transaction of the change it describes, never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "at", nullable = false)
    private Instant at;
    @Column(name = "actor", nullable = false, length = 200)
    private String actor;
    @Column(name = "source", nullable = false, length = 16)
    private String source;
    @Column(name = "address", length = 64)
    private String address;
    @Column(name = "resource_type", nullable = false, length = 32)
    private String resourceType;
    @Column(name = "resource_key", nullable = false, length = 200)
    private String resourceKey;
    @Column(name = "action", nullable = false, length = 16)
    private String action;
    @Column(name = "before_state", length = 65536)
    private String before;
    @Column(name = "after_state", length = 65536)
    private String after;

    protected AuditRecord() {
        // for JPA
    }

    AuditRecord(Instant at, Actor actor, String resourceType, String resourceKey, String action, String before,
            String after) {
        this.at = at;
        this.actor = actor.name();
        this.source = actor.source();
        this.address = actor.address();
        this.resourceType = resourceType;
        this.resourceKey = resourceKey;
        this.action = action;
        this.before = before;
        this.after = after;
    }

    AuditEntry view() {
        return new AuditEntry(id, at, actor, source, address, resourceType, resourceKey, action, before, after);
    }
}
