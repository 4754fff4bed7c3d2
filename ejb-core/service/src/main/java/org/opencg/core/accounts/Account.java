package org.opencg.core.accounts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An enterprise account: the services it takes and the Teams tenant it belongs to. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.byName", query = "select a from Account a where a.name = :name")
@NamedQuery(name = "Account.ordered", query = "select a from Account a order by a.name")
@NamedQuery(name = "Account.count", query = "select count(a) from Account a")
@NamedQuery(name = "Account.matching",
        query = "select a from Account a where lower(a.name) like :part escape '\\' order by a.name")
@NamedQuery(name = "Account.countMatching",
        query = "select count(a) from Account a where lower(a.name) like :part escape '\\'")
public class Account extends SyncedResource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true, length = 100)
    private String name;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "teams_tenant_id", length = 36)
    private String teamsTenantId;
    @Column(name = "oc_enabled")
    private Boolean ocEnabled;
    @Column(name = "oc_sync")
    private Boolean ocSync;
    @Column(name = "dr_enabled")
    private Boolean drEnabled;
    @Column(name = "dr_sync")
    private Boolean drSync;
    @Column(name = "dr_call_screening")
    private Boolean drCallScreening;
    @Column(name = "dr_subdomain", length = 10)
    private String drSubdomain;
    @Column(name = "dr_region1_token", length = 100)
    private String drRegion1Token;
    @Column(name = "dr_region2_token", length = 100)
    private String drRegion2Token;
    @Column(name = "tpm_enabled")
    private Boolean tpmEnabled;
    @Column(name = "tpm_sync")
    private Boolean tpmSync;
    @Column(name = "zoom_enabled")
    private Boolean zoomEnabled;
    @Column(name = "zoom_sync")
    private Boolean zoomSync;
    @Column(name = "aocp_enabled")
    private Boolean aocpEnabled;

    protected Account() {
        // for JPA
    }

    /** The account by name, or null. */
    public static Account find(jakarta.persistence.EntityManager em, String name) {
        return em.createNamedQuery("Account.byName", Account.class).setParameter("name", name).getResultStream()
                .findFirst().orElse(null);
    }

    public Account(String name, AccountDetails details, Instant now) {
        super(now);
        this.name = name;
        replaceWith(details, now);
    }

    /** PUT semantics: every writable field takes the new value, absent services included. */
    public final void replaceWith(AccountDetails details, Instant now) {
        correlationId = details.correlationId();
        teamsTenantId = details.teamsTenantId();
        ocEnabled = enabled(details.operatorConnect());
        ocSync = sync(details.operatorConnect());
        tpmEnabled = enabled(details.phoneMobile());
        tpmSync = sync(details.phoneMobile());
        zoomEnabled = enabled(details.zoom());
        zoomSync = sync(details.zoom());
        aocpEnabled = details.callProtection();
        AccountDetails.DirectRouting dr = details.directRouting();
        drEnabled = dr == null ? null : dr.enabled();
        drSync = dr == null ? null : dr.syncEnabled();
        drCallScreening = dr == null ? null : dr.callScreening();
        drSubdomain = dr == null ? null : dr.subdomain();
        drRegion1Token = dr == null ? null : dr.region1Token();
        drRegion2Token = dr == null ? null : dr.region2Token();
        changed(org.opencg.core.numbers.SyncRules.needsSync(details), now);
    }

    private static Boolean enabled(AccountDetails.ServiceFlags flags) {
        return flags == null ? null : flags.enabled();
    }

    private static Boolean sync(AccountDetails.ServiceFlags flags) {
        return flags == null ? null : flags.syncEnabled();
    }

    private static AccountDetails.ServiceFlags flags(Boolean enabled, Boolean sync) {
        return enabled == null ? null : new AccountDetails.ServiceFlags(enabled, Boolean.TRUE.equals(sync));
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public AccountDetails details() {
        AccountDetails.DirectRouting dr = drEnabled == null ? null
                : new AccountDetails.DirectRouting(drEnabled, Boolean.TRUE.equals(drSync),
                        Boolean.TRUE.equals(drCallScreening), drSubdomain, drRegion1Token, drRegion2Token);
        return new AccountDetails(correlationId, teamsTenantId, flags(ocEnabled, ocSync), dr,
                flags(tpmEnabled, tpmSync), flags(zoomEnabled, zoomSync), aocpEnabled);
    }

    /** The account as the faces show it, with its number counts per service (counted by the caller). */
    public AccountView view(java.util.Map<org.opencg.core.numbers.Service, Long> numberCounts) {
        return new AccountView(name, details(), sync().status(), sync().errors(),
                numberCounts,
                drSubdomain == null ? null : "notProvisioned", version());
    }
}
