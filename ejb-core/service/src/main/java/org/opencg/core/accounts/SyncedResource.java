package org.opencg.core.accounts;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every provisioned resource with flow-through sync keeps (accounts, numbers): its sync state, its version
 * (the ETag's source, optimistic locking) and when it was created and last changed.
 */
@MappedSuperclass
public abstract class SyncedResource {

    @Embedded
    private SyncState sync;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SyncedResource() {
        // for JPA
    }

    protected SyncedResource(Instant now) {
        this.createdAt = now;
    }

    /** A client changed the resource: the backend must hear of it, or need not. */
    protected final void changed(boolean waitsForSync, Instant now) {
        sync = SyncState.of(waitsForSync);
        updatedAt = now;
    }

    /** The sync's verdict: {@code synced}, or {@code failed} with what the backend said. */
    public void syncResult(String status, List<ProvisioningError> errors, Instant now) {
        sync = SyncState.verdict(status, errors);
        updatedAt = now;
    }

    public SyncState sync() {
        return sync;
    }

    public long version() {
        return version;
    }
}
