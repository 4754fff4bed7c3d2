package org.opencg.core.accounts;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A resource's flow-through sync state, as every synced resource (account, number, consent) keeps it: the API's
 * {@code serviceProvisioningStatus} ({@code pending}, {@code synced}, {@code failed}) and the backend's errors.
 * The errors are one JSON array column, since they are only ever read whole.
 */
@Embeddable
public class SyncState {

    public static final String PENDING = "pending";
    public static final String SYNCED = "synced";
    public static final String FAILED = "failed";

    @Column(name = "provisioning_status", nullable = false, length = 16)
    private String status;
    @Column(name = "provisioning_errors", length = 4000)
    private String errors;

    protected SyncState() {
        // for JPA
    }

    private SyncState(String status, String errors) {
        this.status = status;
        this.errors = errors;
    }

    /** A change the backend must still hear of ({@code pending}), or one it need not ({@code synced}). */
    public static SyncState of(boolean waitsForBackend) {
        return new SyncState(waitsForBackend ? PENDING : SYNCED, null);
    }

    /** The backend's verdict: {@code synced}, or {@code failed} with what it said. */
    public static SyncState verdict(String status, List<ProvisioningError> errors) {
        return new SyncState(status, encode(errors));
    }

    public String status() {
        return status;
    }

    public boolean pending() {
        return PENDING.equals(status);
    }

    public List<ProvisioningError> errors() {
        if (errors == null || errors.isEmpty()) {
            return List.of();
        }
        try (var reader = Json.createReader(new StringReader(errors))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(o -> new ProvisioningError(o.getString("code", ""), o.getString("message", ""))).toList();
        }
    }

    private static String encode(List<ProvisioningError> errors) {
        if (errors == null || errors.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        errors.forEach(e -> array.add(Json.createObjectBuilder().add("code", e.code()).add("message", e.message())));
        String json = array.build().toString();
        // The column holds 4,000 characters; a backend's essay is cut rather than the sync failing on it.
        return json.length() <= 4000 ? json : encode(List.of(new ProvisioningError(errors.get(0).code(),
                errors.get(0).message().substring(0, Math.min(errors.get(0).message().length(), 3000)))));
    }
}
