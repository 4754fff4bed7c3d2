package org.opencg.core.accounts;

/** One error a backend (Operator Connect, Teams Phone Mobile) reported for a resource: Azure's Error code/message. */
public record ProvisioningError(String code, String message) {
}
