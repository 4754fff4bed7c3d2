package org.opencg.core.accounts;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** A backend's errors for a resource, stored as one JSON array column: they are only ever read whole. */
final class ProvisioningErrors {

    private ProvisioningErrors() {
    }

    static String encode(List<ProvisioningError> errors) {
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

    static List<ProvisioningError> decode(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(o -> new ProvisioningError(o.getString("code", ""), o.getString("message", ""))).toList();
        }
    }
}
