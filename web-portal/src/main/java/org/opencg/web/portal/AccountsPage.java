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
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

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
    private String namePart;

    /** Paged and counted in the database, as the numbers are: an operator may have tens of thousands of accounts. */
    private final LazyDataModel<AccountView> table = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, accounts.count(namePart));
        }

        @Override
        public List<AccountView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return accounts.list(namePart, first, pageSize);
        }

        @Override
        public String getRowKey(AccountView account) {
            return account.name();
        }
    };

    public LazyDataModel<AccountView> getAccounts() {
        return table;
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
        } catch (ProvisioningException e) {
            Messages.error(e.getMessage());
        }
    }

    public String getNamePart() {
        return namePart;
    }

    public void setNamePart(String namePart) {
        this.namePart = namePart == null || namePart.isBlank() ? null : namePart.strip();
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
