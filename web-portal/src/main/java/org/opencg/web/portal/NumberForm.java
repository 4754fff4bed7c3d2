package org.opencg.web.portal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opencg.core.numbers.NumberDetails;
import org.opencg.core.numbers.NumberView;
import org.opencg.core.numbers.TeamsNumber;
import org.opencg.core.numbers.TeamsNumberConfig;

/**
 * The number form's fields: account, number, each service, custom header and the Teams configuration an operator
 * sets (usage, capabilities, civic address, location, whether the enterprise may update the address). What the form
 * does not show (assignment status, additional usages, displayed country, Teams' own capability answer) is kept from
 * the number as it was loaded, so saving the form never loses what the API set.
 */
public class NumberForm implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The form's field for each target the number rules name (the last part of the target). */
    private static final Map<String, String> FIELDS = Map.of("telephoneNumber", "number", "accountName", "account",
            "customSipHeader", "customHeader", "usage", "usage", "enabled", "services");
    private static final List<String> KNOWN_CAPABILITIES = List.of("InboundCalling", "OutboundCalling",
            "UserAssignment", "FirstPartyAppAssignment", "ThirdPartyAppAssignment", "ConferenceAssignment",
            "Office365", "TollFree");

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
    private String locationId;
    private boolean allowTenantAddressUpdate;
    private List<String> capabilities = new ArrayList<>();
    /** The services' Teams parts as loaded, for what the form does not show. */
    private TeamsNumber loadedOc;
    private TeamsNumber loadedTpm;
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
        loadedOc = d == null ? null : d.operatorConnect();
        loadedTpm = d == null ? null : d.phoneMobile();
        TeamsNumberConfig config = loadedOc != null && loadedOc.configuration() != null ? loadedOc.configuration()
                : loadedTpm == null ? null : loadedTpm.configuration();
        usage = config == null ? null : config.usage();
        civicAddressId = config == null ? null : config.civicAddressId();
        locationId = config == null ? null : config.locationId();
        allowTenantAddressUpdate = config != null && config.allowTenantAddressUpdate();
        capabilities = config == null ? new ArrayList<>() : new ArrayList<>(config.choosableCapabilities());
        version = view == null ? -1 : view.version();
    }

    boolean isEditing() {
        return version >= 0;
    }

    String ifMatch() {
        return isEditing() ? org.opencg.core.accounts.AccountRules.etag(version) : null;
    }

    NumberDetails details() {
        return new NumberDetails(account, teams(oc, loadedOc), dr ? Boolean.TRUE : null, teams(tpm, loadedTpm),
                zoom ? Boolean.TRUE : null, callProtection ? Boolean.TRUE : null, blank(customHeader));
    }

    /**
     * A Teams service as the form says, over what was loaded. Off stays recorded as off (with its configuration)
     * when the number had it, so Teams is told to let it go; a configuration exists once anything of it is set (the
     * rules then ask for the usage).
     */
    private TeamsNumber teams(boolean on, TeamsNumber loaded) {
        if (!on && loaded == null) {
            return null;
        }
        TeamsNumberConfig was = loaded == null ? null : loaded.configuration();
        boolean set = blank(usage) != null || blank(civicAddressId) != null || blank(locationId) != null
                || allowTenantAddressUpdate || !capabilities.isEmpty() || was != null;
        TeamsNumberConfig config = !set ? null : new TeamsNumberConfig(blank(usage), capabilities,
                was == null ? null : was.acquiredCapabilities(), was == null ? null : was.availableCapabilities(),
                was == null ? null : was.additionalUsages(), blank(civicAddressId), blank(locationId),
                allowTenantAddressUpdate, was == null ? null : was.displayedCountryCode());
        return new TeamsNumber(on, loaded == null ? null : loaded.assignmentStatus(), config);
    }

    /** The capabilities Teams is known to offer (acg-behaviour.md §5), and any other the number already has. */
    public List<String> getCapabilityChoices() {
        List<String> choices = new ArrayList<>(KNOWN_CAPABILITIES);
        capabilities.stream().filter(c -> !choices.contains(c)).forEach(choices::add);
        return choices;
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
    public String getLocationId() { return locationId; }
    public void setLocationId(String v) { locationId = v; }
    public boolean isAllowTenantAddressUpdate() { return allowTenantAddressUpdate; }
    public void setAllowTenantAddressUpdate(boolean v) { allowTenantAddressUpdate = v; }
    public List<String> getCapabilities() { return capabilities; }
    public void setCapabilities(List<String> v) { capabilities = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    public boolean getEditing() { return isEditing(); }
}
