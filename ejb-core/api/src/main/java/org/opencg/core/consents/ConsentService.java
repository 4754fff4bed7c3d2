package org.opencg.core.consents;

import java.util.List;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;

/**
 * Enterprise consents (Teams requests for information): pulled from the Operator Connect API by the sync, listed
 * and read by the faces, and only their customer relationship changed (acg-behaviour.md §1.4 operations 16-18).
 */
public interface ConsentService {

    String JNDI = "java:global/opencg/ejb-core/ConsentServiceBean!org.opencg.core.consents.ConsentService";

    /** Consents ordered by tenant, optionally only those of one status ({@code active}, ...). */
    List<ConsentView> list(String status, int skip, int limit);

    long count(String status);

    ConsentView get(String tenantId);

    /** Changes the customer relationship (merge-patch: a null field keeps its value); pushed to Teams by the sync. */
    ConsentView updateRelationship(String tenantId, String status, String comment, String ifMatch);

    /**
     * The relationship rules (pure): a status of at most 100 characters, a comment of at most 1000, and a reason
     * (comment) required when the relationship is declined or terminated, as the Number Management Portal asks.
     */
    static void checkRelationship(String status, String comment) {
        if (status != null && (status.isBlank() || status.length() > 100)) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRelationshipStatus",
                    "customerRelationship.status is 1 to 100 characters", "customerRelationship.status");
        }
        if (comment != null && comment.length() > 1000) {
            throw new ProvisioningException(Kind.INVALID, "InvalidRelationshipComment",
                    "customerRelationship.comment is at most 1000 characters", "customerRelationship.comment");
        }
        String lower = status == null ? "" : status.toLowerCase(java.util.Locale.ROOT);
        if ((lower.contains("declin") || lower.contains("terminat")) && (comment == null || comment.isBlank())) {
            throw new ProvisioningException(Kind.INVALID, "ReasonRequired",
                    "a declined or terminated relationship needs a reason in customerRelationship.comment",
                    "customerRelationship.comment");
        }
    }
}
