package org.opencg.web.portal;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opencg.core.accounts.AccountRules;
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.consents.ConsentService;
import org.opencg.core.consents.ConsentView;

/**
 * Consents (Teams' requests for information): the list, filtered by status; the customer relationship of one,
 * changed with the reason a declined or terminated one needs (the same rule as the API's); a link to create the
 * account for the tenant.
 */
@Named
@ViewScoped
public class ConsentsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB(lookup = ConsentService.JNDI)
    transient ConsentService consents;

    @Inject
    PortalSession session;

    private String status;
    private String tenantId;
    private String relationship;
    private String comment;
    private long version = -1;

    public List<ConsentView> getConsents() {
        return consents.list(status == null || status.isBlank() ? null : status, 0, 1000);
    }

    public void edit(ConsentView consent) {
        if (session.allowed("WriteUser")) {
            tenantId = consent.tenantId();
            relationship = consent.relationshipStatus();
            comment = consent.relationshipComment();
            version = consent.version();
        }
    }

    public void save() {
        if (!session.allowed("WriteUser") || tenantId == null) {
            return;
        }
        try {
            ConsentView saved = consents.updateRelationship(tenantId, relationship, comment,
                    AccountRules.etag(version));
            version = saved.version();
            Messages.info("Relationship with " + tenantId + " is now " + saved.relationshipStatus() + ".");
        } catch (ProvisioningException e) {
            String target = e.target() == null ? "" : e.target();
            Messages.refused(target.endsWith("comment") ? "relationshipForm:comment"
                    : target.endsWith("status") ? "relationshipForm:relationship" : null, e.getMessage());
        }
    }

    /** The usual stages of a customer relationship, and the consent's own when it is another. */
    public List<String> getRelationships() {
        List<String> stages = new java.util.ArrayList<>(List.of("Prospect", "Contract signed", "Onboarded",
                "Declined", "Terminated"));
        if (relationship != null && !relationship.isBlank() && !stages.contains(relationship)) {
            stages.add(0, relationship);
        }
        return stages;
    }

    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getTenantId() { return tenantId; }
    public String getRelationship() { return relationship; }
    public void setRelationship(String v) { relationship = v; }
    public String getComment() { return comment; }
    public void setComment(String v) { comment = v; }
    public boolean isEditing() { return tenantId != null; }
}
