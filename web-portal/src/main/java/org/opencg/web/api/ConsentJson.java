package org.opencg.web.api;

import java.time.Instant;
import java.util.List;

import org.opencg.core.consents.ConsentView;
import org.opencg.core.sync.OperatorConnectClient.Contact;

/** The wire shape of {@code RequestForInformationResource} (acg-behaviour.md §1.5); all read-only but the relationship. */
public record ConsentJson(String id, String tenantId, String accountName, String productContext, String operatorId,
        String status, Instant consentedOn, Instant lastModifiedOn, List<String> consentedCountries,
        List<Contact> contacts, Relationship customerRelationship, String serviceProvisioningStatus,
        List<ErrorJson> serviceProvisioningErrors) {

    public record Relationship(String status, Instant lastModifiedOn, String comment) {
    }

    /** {@code RequestForInformationResourceCreateOrUpdate}: the only part a client may change. */
    public record Patch(Relationship customerRelationship) {
    }

    static ConsentJson of(ConsentView c) {
        return new ConsentJson(c.tenantId(), c.tenantId(), c.accountName(), "teams", c.operatorId(), c.status(),
                c.consentedOn(), c.lastModifiedOn(), c.consentedCountries(), c.contacts(),
                c.relationshipStatus() == null && c.relationshipComment() == null ? null
                        : new Relationship(c.relationshipStatus(), c.relationshipModifiedOn(), c.relationshipComment()),
                c.provisioningStatus(), ErrorJson.of(c.provisioningErrors()));
    }
}
