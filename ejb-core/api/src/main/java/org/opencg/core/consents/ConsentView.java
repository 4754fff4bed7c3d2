package org.opencg.core.consents;

import java.time.Instant;
import java.util.List;

import org.opencg.core.accounts.ProvisioningError;
import org.opencg.core.sync.OperatorConnectClient.Contact;

/**
 * An enterprise's consent (RequestForInformationResource, acg-behaviour.md §1.5): what Teams says (read-only here),
 * the operator's customer relationship (the one writable part), the account that holds the tenant if any, and the
 * state of pushing the relationship back to Teams.
 */
public record ConsentView(String tenantId, String operatorId, String status, Instant consentedOn,
        Instant lastModifiedOn, List<String> consentedCountries, List<Contact> contacts, String relationshipStatus,
        String relationshipComment, Instant relationshipModifiedOn, String accountName, String provisioningStatus,
        List<ProvisioningError> provisioningErrors, long version) {
}
