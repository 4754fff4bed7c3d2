package org.opencg.core.accounts;

/** An account as stored: its name, details, provisioning status and version (the ETag's source). */
public record AccountView(String name, AccountDetails details, String provisioningStatus, long version) {
}
