package org.opencg.core.numbers;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.opencg.core.accounts.Account;
import org.opencg.core.accounts.SyncedResource;

/** A telephone number provisioned on an account, with its services and the state of its flow-through sync. */
@Entity
@Table(name = "telephone_number")
@jakarta.persistence.NamedQuery(name = "TelephoneNumber.byE164",
        query = "select n from TelephoneNumber n join fetch n.account where n.e164 = :e164")
public class TelephoneNumber extends SyncedResource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "e164", nullable = false, unique = true, length = 16)
    private String e164;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "enabled", column = @Column(name = "oc_enabled")),
        @AttributeOverride(name = "assignment", column = @Column(name = "oc_assignment")),
        @AttributeOverride(name = "usage", column = @Column(name = "oc_usage")),
        @AttributeOverride(name = "choosable", column = @Column(name = "oc_choosable")),
        @AttributeOverride(name = "acquired", column = @Column(name = "oc_acquired")),
        @AttributeOverride(name = "available", column = @Column(name = "oc_available")),
        @AttributeOverride(name = "additionalUsages", column = @Column(name = "oc_additional_usages")),
        @AttributeOverride(name = "civicAddressId", column = @Column(name = "oc_civic_address_id")),
        @AttributeOverride(name = "locationId", column = @Column(name = "oc_location_id")),
        @AttributeOverride(name = "allowTenantAddressUpdate", column = @Column(name = "oc_allow_address_update")),
        @AttributeOverride(name = "displayedCountryCode", column = @Column(name = "oc_displayed_country_code"))
    })
    private TeamsSettings operatorConnect;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "enabled", column = @Column(name = "tpm_enabled")),
        @AttributeOverride(name = "assignment", column = @Column(name = "tpm_assignment")),
        @AttributeOverride(name = "usage", column = @Column(name = "tpm_usage")),
        @AttributeOverride(name = "choosable", column = @Column(name = "tpm_choosable")),
        @AttributeOverride(name = "acquired", column = @Column(name = "tpm_acquired")),
        @AttributeOverride(name = "available", column = @Column(name = "tpm_available")),
        @AttributeOverride(name = "additionalUsages", column = @Column(name = "tpm_additional_usages")),
        @AttributeOverride(name = "civicAddressId", column = @Column(name = "tpm_civic_address_id")),
        @AttributeOverride(name = "locationId", column = @Column(name = "tpm_location_id")),
        @AttributeOverride(name = "allowTenantAddressUpdate", column = @Column(name = "tpm_allow_address_update")),
        @AttributeOverride(name = "displayedCountryCode", column = @Column(name = "tpm_displayed_country_code"))
    })
    private TeamsSettings phoneMobile;
    @Column(name = "dr_enabled")
    private Boolean directRouting;
    @Column(name = "zoom_enabled")
    private Boolean zoom;
    @Column(name = "aocp_enabled")
    private Boolean callProtection;
    @Column(name = "custom_sip_header", length = 100)
    private String customSipHeader;

    protected TelephoneNumber() {
        // for JPA
    }

    /**
     * The number with its account, by its E.164 form, or null. A named query, whose SQL Hibernate translates once;
     * a natural-id load translated its two selects on every call (JFR: 40 % of the sync's CPU).
     */
    public static TelephoneNumber find(jakarta.persistence.EntityManager em, String e164) {
        return em.createNamedQuery("TelephoneNumber.byE164", TelephoneNumber.class).setParameter("e164", e164)
                .getResultStream().findFirst().orElse(null);
    }

    public TelephoneNumber(String e164, Account account, NumberDetails details, boolean waitsForSync, Instant now) {
        super(now);
        this.e164 = e164;
        this.account = account;
        replaceWith(details, waitsForSync, now);
    }

    /**
     * PUT semantics: every writable field takes the new value. Teams' capability answer is kept, since a client
     * cannot send it and the sync will refresh it.
     */
    public final void replaceWith(NumberDetails details, boolean waitsForSync, Instant now) {
        TeamsNumber oc = keepTeamsAnswer(details.operatorConnect(), operatorConnect);
        TeamsNumber tpm = keepTeamsAnswer(details.phoneMobile(), phoneMobile);
        operatorConnect = TeamsSettings.of(oc);
        phoneMobile = TeamsSettings.of(tpm);
        directRouting = details.directRouting();
        zoom = details.zoom();
        callProtection = details.callProtection();
        customSipHeader = details.customSipHeader();
        changed(waitsForSync, now);
    }

    private static TeamsNumber keepTeamsAnswer(TeamsNumber given, TeamsSettings stored) {
        TeamsNumber before = stored == null ? null : stored.view();
        if (given == null || given.configuration() == null || before == null || before.configuration() == null) {
            return given;
        }
        return new TeamsNumber(given.enabled(), given.assignmentStatus(), given.configuration().withTeamsCapabilities(
                before.configuration().acquiredCapabilities(), before.configuration().availableCapabilities()));
    }

    /** Teams' capability answer for the number's Operator Connect or Teams Phone Mobile service, as the sync got it. */
    public void teamsAnswer(Service service, List<String> acquired, List<String> available) {
        TeamsSettings settings = service == Service.PHONE_MOBILE ? phoneMobile : operatorConnect;
        TeamsNumber teams = settings == null ? null : settings.view();
        if (teams == null || teams.configuration() == null) {
            return;
        }
        TeamsSettings answered = TeamsSettings.of(new TeamsNumber(teams.enabled(), teams.assignmentStatus(),
                teams.configuration().withTeamsCapabilities(acquired, available)));
        if (service == Service.PHONE_MOBILE) {
            phoneMobile = answered;
        } else {
            operatorConnect = answered;
        }
    }

    public String e164() {
        return e164;
    }

    public Account account() {
        return account;
    }

    public NumberDetails details() {
        return new NumberDetails(account.name(), operatorConnect == null ? null : operatorConnect.view(), directRouting,
                phoneMobile == null ? null : phoneMobile.view(), zoom, callProtection, customSipHeader);
    }

    public NumberView view() {
        return new NumberView(e164, details(), sync().status(), sync().errors(),
                version());
    }
}
