package org.opencg.web.portal;

import java.io.Serializable;
import java.util.Map;

import org.opencg.core.numbers.NumberDetails;
import org.opencg.core.numbers.NumberView;
import org.opencg.core.numbers.TeamsNumber;
import org.opencg.core.numbers.TeamsNumberConfig;

/** The number form's fields: account, number, each service, custom header, Teams usage and civic address. */
public class NumberForm implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The form's field for each target the number rules name (the last part of the target). */
    private static final Map<String, String> FIELDS = Map.of("telephoneNumber", "number", "accountName", "account",
            "customSipHeader", "customHeader", "usage", "usage", "enabled", "services");

    private String account;
    private String number;
    private boolean oc;
    private boolean dr;
    private boolean tpm;
    private boolean zoom;
    private boolean callProtection;
    private String customHeader;
    private String usage;
    private String civicAddressId;
    private long version = -1;

    void clear() {
        fill(null);
    }

    void fill(NumberView view) {
        NumberDetails d = view == null ? null : view.details();
        account = d == null ? null : d.accountName();
        number = view == null ? null : view.telephoneNumber();
        oc = d != null && d.operatorConnectEnabled();
        dr = d != null && d.directRoutingEnabled();
        tpm = d != null && d.phoneMobileEnabled();
        zoom = d != null && d.zoomEnabled();
        callProtection = d != null && d.callProtectionEnabled();
        customHeader = d == null ? null : d.customSipHeader();
        TeamsNumber teams = d == null ? null : d.operatorConnect() != null ? d.operatorConnect() : d.phoneMobile();
        TeamsNumberConfig config = teams == null ? null : teams.configuration();
        usage = config == null ? null : config.usage();
        civicAddressId = config == null ? null : config.civicAddressId();
        version = view == null ? -1 : view.version();
    }

    boolean isEditing() {
        return version >= 0;
    }

    String ifMatch() {
        return isEditing() ? org.opencg.core.accounts.AccountRules.etag(version) : null;
    }

    NumberDetails details() {
        TeamsNumberConfig config = blank(usage) == null ? null : new TeamsNumberConfig(usage.strip(), null, null,
                null, null, blank(civicAddressId), null, false, null);
        return new NumberDetails(account, oc ? new TeamsNumber(true, null, config) : null, dr ? Boolean.TRUE : null,
                tpm ? new TeamsNumber(true, null, config) : null, zoom ? Boolean.TRUE : null,
                callProtection ? Boolean.TRUE : null, blank(customHeader));
    }

    /** The form field a rule's target names, as a client id, or null for the page's messages. */
    String fieldOf(String target) {
        if (target == null) {
            return null;
        }
        String id = FIELDS.get(target.substring(target.lastIndexOf('.') + 1));
        return id == null ? null : "numberForm:" + id;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getAccount() { return account; }
    public void setAccount(String v) { account = v; }
    public String getNumber() { return number; }
    public void setNumber(String v) { number = v; }
    public boolean isOc() { return oc; }
    public void setOc(boolean v) { oc = v; }
    public boolean isDr() { return dr; }
    public void setDr(boolean v) { dr = v; }
    public boolean isTpm() { return tpm; }
    public void setTpm(boolean v) { tpm = v; }
    public boolean isZoom() { return zoom; }
    public void setZoom(boolean v) { zoom = v; }
    public boolean isCallProtection() { return callProtection; }
    public void setCallProtection(boolean v) { callProtection = v; }
    public String getCustomHeader() { return customHeader; }
    public void setCustomHeader(String v) { customHeader = v; }
    public String getUsage() { return usage; }
    public void setUsage(String v) { usage = v; }
    public String getCivicAddressId() { return civicAddressId; }
    public void setCivicAddressId(String v) { civicAddressId = v; }
    public boolean getEditing() { return isEditing(); }
}
