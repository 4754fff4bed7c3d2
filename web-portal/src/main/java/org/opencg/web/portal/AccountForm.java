package org.opencg.web.portal;

import java.io.Serializable;

import org.opencg.core.accounts.AccountDetails;
import org.opencg.core.accounts.AccountRules;
import org.opencg.core.accounts.AccountDetails.DirectRouting;
import org.opencg.core.accounts.AccountDetails.ServiceFlags;
import org.opencg.core.accounts.AccountView;

/** The account form's fields, to and from the service's {@link AccountDetails}: every service flag of an account. */
public class AccountForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String correlationId;
    private String teamsTenantId;
    private boolean ocEnabled;
    private boolean ocSync;
    private boolean drEnabled;
    private boolean drSync;
    private boolean callScreening;
    private String subdomain;
    private String region1Token;
    private String region2Token;
    private boolean tpmEnabled;
    private boolean tpmSync;
    private boolean zoomEnabled;
    private boolean zoomSync;
    private boolean callProtection;
    /** The version the form was filled from: saving it fails if somebody changed the account meanwhile. */
    private long version = -1;

    static AccountForm of(AccountView view) {
        AccountForm form = new AccountForm();
        AccountDetails d = view.details();
        form.name = view.name();
        form.correlationId = d.correlationId();
        form.teamsTenantId = d.teamsTenantId();
        if (d.operatorConnect() != null) {
            form.ocEnabled = d.operatorConnect().enabled();
            form.ocSync = d.operatorConnect().syncEnabled();
        }
        if (d.directRouting() != null) {
            form.drEnabled = d.directRouting().enabled();
            form.drSync = d.directRouting().syncEnabled();
            form.callScreening = d.directRouting().callScreening();
            form.subdomain = d.directRouting().subdomain();
            form.region1Token = d.directRouting().region1Token();
            form.region2Token = d.directRouting().region2Token();
        }
        if (d.phoneMobile() != null) {
            form.tpmEnabled = d.phoneMobile().enabled();
            form.tpmSync = d.phoneMobile().syncEnabled();
        }
        if (d.zoom() != null) {
            form.zoomEnabled = d.zoom().enabled();
            form.zoomSync = d.zoom().syncEnabled();
        }
        form.callProtection = Boolean.TRUE.equals(d.callProtection());
        form.version = view.version();
        return form;
    }

    boolean isNew() {
        return version < 0;
    }

    String ifMatch() {
        return isNew() ? null : AccountRules.etag(version);
    }

    AccountDetails details() {
        boolean dr = drEnabled || blankToNull(subdomain) != null;
        return new AccountDetails(blankToNull(correlationId), blankToNull(teamsTenantId),
                ocEnabled || ocSync ? new ServiceFlags(ocEnabled, ocSync) : null,
                dr ? new DirectRouting(drEnabled, drSync, callScreening, blankToNull(subdomain),
                        blankToNull(region1Token), blankToNull(region2Token)) : null,
                tpmEnabled || tpmSync ? new ServiceFlags(tpmEnabled, tpmSync) : null,
                zoomEnabled || zoomSync ? new ServiceFlags(zoomEnabled, zoomSync) : null,
                callProtection);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // --- properties for the page -----------------------------------------------------------------------------

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCorrelationId() { return correlationId; }
    public void setCorrelationId(String v) { correlationId = v; }
    public String getTeamsTenantId() { return teamsTenantId; }
    public void setTeamsTenantId(String v) { teamsTenantId = v; }
    public boolean isOcEnabled() { return ocEnabled; }
    public void setOcEnabled(boolean v) { ocEnabled = v; }
    public boolean isOcSync() { return ocSync; }
    public void setOcSync(boolean v) { ocSync = v; }
    public boolean isDrEnabled() { return drEnabled; }
    public void setDrEnabled(boolean v) { drEnabled = v; }
    public boolean isDrSync() { return drSync; }
    public void setDrSync(boolean v) { drSync = v; }
    public boolean isCallScreening() { return callScreening; }
    public void setCallScreening(boolean v) { callScreening = v; }
    public String getSubdomain() { return subdomain; }
    public void setSubdomain(String v) { subdomain = v; }
    public String getRegion1Token() { return region1Token; }
    public void setRegion1Token(String v) { region1Token = v; }
    public String getRegion2Token() { return region2Token; }
    public void setRegion2Token(String v) { region2Token = v; }
    public boolean isTpmEnabled() { return tpmEnabled; }
    public void setTpmEnabled(boolean v) { tpmEnabled = v; }
    public boolean isTpmSync() { return tpmSync; }
    public void setTpmSync(boolean v) { tpmSync = v; }
    public boolean isZoomEnabled() { return zoomEnabled; }
    public void setZoomEnabled(boolean v) { zoomEnabled = v; }
    public boolean isZoomSync() { return zoomSync; }
    public void setZoomSync(boolean v) { zoomSync = v; }
    public boolean isCallProtection() { return callProtection; }
    public void setCallProtection(boolean v) { callProtection = v; }
    public boolean isEditing() { return !isNew(); }
}
