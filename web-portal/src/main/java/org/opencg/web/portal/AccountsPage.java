package org.opencg.web.portal;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opencg.core.accounts.AccountService;
import org.opencg.core.accounts.AccountView;
import org.opencg.core.accounts.ProvisioningException;

/**
 * The accounts page: the list, with each account's numbers per service, sync and DNS status, and the form that
 * creates or edits one, through the same {@link AccountService} as the API (one rule, two faces).
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The form's field for each target the provisioning rules name (the last part of the target). */
    private static final Map<String, String> FIELDS = Map.of("accountName", "name", "correlationId", "correlationId",
            "teamsTenantId", "teamsTenantId", "subdomain", "subdomain", "region1Token", "region1Token",
            "region2Token", "region2Token");

    @EJB(lookup = AccountService.JNDI)
    transient AccountService accounts;

    @Inject
    PortalSession session;

    private AccountForm form = new AccountForm();
    private transient List<AccountView> list;

    public List<AccountView> getAccounts() {
        if (list == null) {
            list = accounts.list(0, 1000);
        }
        return list;
    }

    public AccountForm getForm() {
        return form;
    }

    public void startNew() {
        if (!session.allowed("WriteUser")) {
            return;
        }
        form = new AccountForm();
    }

    public void edit(String name) {
        if (!session.allowed("WriteUser")) {
            return;
        }
        form = AccountForm.of(accounts.get(name));
    }

    /** Saves the form; a refused field gets its message beside it, and nothing is saved. */
    public void save() {
        if (!session.allowed("WriteUser")) {
            return;
        }
        try {
            AccountService.Saved saved = accounts.createOrReplace(form.getName(), form.details(), form.ifMatch(),
                    form.isNew() ? "*" : null);
            Messages.info("Account " + saved.account().name() + (saved.created() ? " created." : " saved."));
            form = AccountForm.of(saved.account());
            list = null;
        } catch (ProvisioningException e) {
            Messages.refused(field(e.target()), e.getMessage());
        }
    }

    public void delete(String name) {
        if (!session.allowed("DeleteUser")) {
            return;
        }
        try {
            accounts.delete(name, null, false);
            Messages.info("Account " + name + " deleted.");
            list = null;
        } catch (ProvisioningException e) {
            Messages.error(e.getMessage());
        }
    }

    private static String field(String target) {
        if (target == null) {
            return null;
        }
        String last = target.substring(target.lastIndexOf('.') + 1);
        String id = FIELDS.get(last);
        return id == null ? null : "accountForm:" + id;
    }
}
