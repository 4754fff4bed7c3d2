package org.opencg.core.numbers;

import java.util.List;

import org.opencg.core.accounts.ProvisioningError;

/** A number as stored: its E.164 form, details, provisioning status with the backend's errors, and version. */
public record NumberView(String telephoneNumber, NumberDetails details, String provisioningStatus,
        List<ProvisioningError> provisioningErrors, long version) {
}
