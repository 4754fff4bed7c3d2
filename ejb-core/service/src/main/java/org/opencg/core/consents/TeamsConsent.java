package org.opencg.core.consents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opencg.core.accounts.ProvisioningError;
import org.opencg.core.accounts.SyncState;
import org.opencg.core.sync.OperatorConnectClient.Consent;
import org.opencg.core.sync.OperatorConnectClient.Contact;

/** An enterprise's consent as last pulled from Teams, with the operator's customer relationship. */
@Entity
@Table(name = "teams_consent")
public class TeamsConsent {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tenant_id", nullable = false, unique = true, length = 36)
    private String tenantId;
    @Column(name = "operator_id", length = 100)
    private String operatorId;
    @Column(name = "status", length = 16)
    private String status;
    @Column(name = "consented_on")
    private Instant consentedOn;
    @Column(name = "last_modified_on")
    private Instant lastModifiedOn;
    @Column(name = "consented_countries", length = 1000)
    private String consentedCountries;
    @Column(name = "contacts", length = 8000)
    private String contacts;
    @Column(name = "relationship_status", length = 100)
    private String relationshipStatus;
    @Column(name = "relationship_comment", length = 1000)
    private String relationshipComment;
    @Column(name = "relationship_modified_on")
    private Instant relationshipModifiedOn;
    @jakarta.persistence.Embedded
    private SyncState sync;
    @Version
    private long version;

    protected TeamsConsent() {
        // for JPA
    }

    TeamsConsent(Consent pulled) {
        this.tenantId = pulled.tenantId();
        this.sync = SyncState.of(false);
        this.relationshipStatus = pulled.relationshipStatus();
        this.relationshipComment = pulled.relationshipComment();
        this.relationshipModifiedOn = instant(pulled.relationshipModifiedOn());
        takeTeamsPart(pulled);
    }

    /**
     * Takes what Teams says; returns whether anything changed. The relationship is taken from Teams too, unless a
     * local change is still on its way there (then the local one is newer).
     */
    boolean takeTeamsPart(Consent pulled) {
        String before = teamsState();
        operatorId = pulled.operatorId();
        status = pulled.status();
        consentedOn = instant(pulled.consentedOn());
        lastModifiedOn = instant(pulled.lastModifiedOn());
        consentedCountries = pulled.consentedCountries() == null || pulled.consentedCountries().isEmpty() ? null
                : String.join(",", pulled.consentedCountries());
        contacts = pulled.contacts() == null || pulled.contacts().isEmpty() ? null : JSON.toJson(pulled.contacts());
        if (!sync.pending() && pulled.relationshipStatus() != null) {
            relationshipStatus = pulled.relationshipStatus();
            relationshipComment = pulled.relationshipComment();
            relationshipModifiedOn = instant(pulled.relationshipModifiedOn());
        }
        return !before.equals(teamsState());
    }

    private String teamsState() {
        return Objects.toString(operatorId) + status + consentedOn + lastModifiedOn + consentedCountries + contacts
                + relationshipStatus + relationshipComment;
    }

    void changeRelationship(String newStatus, String comment, Instant now) {
        if (newStatus != null) {
            relationshipStatus = newStatus;
        }
        if (comment != null) {
            relationshipComment = comment;
        }
        relationshipModifiedOn = now;
        sync = SyncState.of(true);
    }

    void syncResult(String newStatus, List<ProvisioningError> errors) {
        sync = SyncState.verdict(newStatus, errors);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    String tenantId() {
        return tenantId;
    }

    String relationshipStatus() {
        return relationshipStatus;
    }

    String relationshipComment() {
        return relationshipComment;
    }

    long version() {
        return version;
    }

    ConsentView view(String accountName) {
        List<Contact> people = contacts == null ? List.of()
                : JSON.fromJson(contacts, new java.util.ArrayList<Contact>() { }.getClass().getGenericSuperclass());
        return new ConsentView(tenantId, operatorId, status, consentedOn, lastModifiedOn,
                consentedCountries == null ? List.of() : List.of(consentedCountries.split(",")), people,
                relationshipStatus, relationshipComment, relationshipModifiedOn, accountName, sync.status(),
                sync.errors(), version);
    }
}
