package org.opencg.web.api;

import java.util.List;

import org.opencg.core.accounts.ProvisioningError;

/** An entry of {@code serviceProvisioningErrors}: Azure's Error object with what the backend said. */
public record ErrorJson(String code, String message) {

    static List<ErrorJson> of(List<ProvisioningError> errors) {
        return errors.stream().map(e -> new ErrorJson(e.code(), e.message())).toList();
    }
}
