package org.opencg.core.sync;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of the transactional outbox: "this resource changed; tell the backend". It is written in the change's
 * transaction, so a committed change always has its task, and it is removed only once the backend has answered for
 * good. The task names the resource, not the change: the worker sends the resource's state at that moment.
 */
@Entity
@Table(name = "sync_task")
public class SyncTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "resource_type", nullable = false, length = 16)
    private String resourceType;
    @Column(name = "resource_key", nullable = false, length = 200)
    private String resourceKey;
    /** For a removed number: the tenant it was uploaded to, which the row that said so no longer holds. */
    @Column(name = "tenant_id", length = 36)
    private String tenantId;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "last_error", length = 1000)
    private String lastError;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SyncTask() {
        // for JPA
    }

    SyncTask(String resourceType, String resourceKey, String tenantId, Instant now) {
        this.resourceType = resourceType;
        this.resourceKey = resourceKey;
        this.tenantId = tenantId;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceKey() {
        return resourceKey;
    }

    public String tenantId() {
        return tenantId;
    }

    public int attempts() {
        return attempts;
    }

    /** A failed attempt that is worth repeating: the next one waits {@code delay}. */
    void retryLater(String error, java.time.Duration delay, Instant now) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        nextAttemptAt = now.plus(delay);
    }
}
