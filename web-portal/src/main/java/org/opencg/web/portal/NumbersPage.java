package org.opencg.web.portal;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opencg.core.accounts.AccountRules;
import org.opencg.core.accounts.AccountService;
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.numbers.NumberCsv;
import org.opencg.core.numbers.NumberDetails;
import org.opencg.core.numbers.NumberFilter;
import org.opencg.core.numbers.NumberOrder;
import org.opencg.core.numbers.NumberService;
import org.opencg.core.numbers.NumberView;
import org.opencg.core.numbers.Service;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * The numbers page: a table paged, filtered and counted in the database (never the whole list in memory, so it stays
 * quick over 100,000 numbers), the form for one number, CSV upload with a per-row result file, and CSV export of
 * whatever the filter shows. Through the same {@link NumberService} as the API.
 */
@Named
@ViewScoped
public class NumbersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int EXPORT_PAGE = 1000;
    private static final int ACCOUNT_SUGGESTIONS = 20;

    @EJB(lookup = NumberService.JNDI)
    transient NumberService numbers;

    @EJB(lookup = AccountService.JNDI)
    transient AccountService accounts;

    @Inject
    PortalSession session;

    private String prefix;
    private String account;
    private String status;
    private String service;
    private final NumberForm form = new NumberForm();
    private String uploadAccount;
    private List<String> uploadServices = new ArrayList<>(List.of(Service.OPERATOR_CONNECT.property()));
    private boolean allOrNothing = true;
    private transient UploadedFile upload;
    private String resultFile;
    private String resultSummary;

    private final LazyDataModel<NumberView> table = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, numbers.count(filter()));
        }

        /** Sorted in the database by the column the user chose (its {@code field} names a {@link NumberOrder}). */
        @Override
        public List<NumberView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            NumberOrder order = sort == null ? NumberOrder.NUMBER : NumberOrder.valueOf(sort.getField());
            return numbers.list(filter(), order, sort != null && sort.getOrder() == SortOrder.DESCENDING, first,
                    pageSize);
        }

        @Override
        public String getRowKey(NumberView number) {
            return number.telephoneNumber();
        }
    };

    NumberFilter filter() {
        Service only = service == null || service.isBlank() ? null : byProperty(service);
        return new NumberFilter(blank(prefix), null, blank(account), blank(status), only == null ? Set.of() : Set.of(only));
    }

    public LazyDataModel<NumberView> getTable() {
        return table;
    }

    /** Account names containing what was typed, for the account fields (a menu of every account would not scale). */
    public List<String> completeAccount(String typed) {
        return accounts.list(typed, 0, ACCOUNT_SUGGESTIONS).stream().map(a -> a.name()).toList();
    }

    public List<String> getServiceNames() {
        return java.util.Arrays.stream(Service.values()).map(Service::property).toList();
    }

    public String services(NumberView number) {
        return String.join(", ", number.details().services().stream().map(Service::property).sorted().toList());
    }

    // --- one number ----------------------------------------------------------------------------------------------

    public void startNew() {
        if (session.allowed("WriteUser")) {
            form.clear();
        }
    }

    public void edit(NumberView number) {
        if (session.allowed("WriteUser")) {
            form.fill(numbers.get(number.details().accountName(), number.telephoneNumber()));
        }
    }

    public void save() {
        if (!session.allowed("WriteUser")) {
            return;
        }
        try {
            NumberService.Saved saved = numbers.createOrReplace(form.getAccount(), form.getNumber(), form.details(),
                    form.ifMatch(), form.isEditing() ? null : "*");
            Messages.info("Number " + saved.number().telephoneNumber() + (saved.created() ? " added." : " saved."));
            form.fill(saved.number());
        } catch (ProvisioningException e) {
            Messages.refused(form.fieldOf(e.target()), e.getMessage());
        }
    }

    /** The backend's errors of a number whose sync failed ("code: message"). */
    public String errors(NumberView number) {
        return String.join("; ", number.provisioningErrors().stream().map(e -> e.code() + ": " + e.message())
                .toList());
    }

    /** Syncs a number again: saved as it is, it is pending and queued for the backend once more. */
    public void retry(NumberView number) {
        saveAs(number, number.details(), " is queued for sync again.");
    }

    /**
     * Releases a number from its enterprise ({@link org.opencg.core.numbers.NumberDetails#released}): saved with every
     * service off, it routes no call and the sync releases it from the Teams tenant; it stays in its account.
     */
    public void release(NumberView number) {
        saveAs(number, number.details().released(), " released: no service is on.");
    }

    /** Saves a number of the table with these details (if nobody changed it since the page showed it). */
    private void saveAs(NumberView number, NumberDetails details, String done) {
        if (!session.allowed("WriteUser")) {
            return;
        }
        try {
            numbers.createOrReplace(number.details().accountName(), number.telephoneNumber(), details,
                    AccountRules.etag(number.version()), null);
            Messages.info("Number " + number.telephoneNumber() + done);
        } catch (ProvisioningException e) {
            Messages.error(e.getMessage());
        }
    }

    public void delete(NumberView number) {
        if (!session.allowed("DeleteUser")) {
            return;
        }
        try {
            numbers.delete(number.details().accountName(), number.telephoneNumber(), null);
            Messages.info("Number " + number.telephoneNumber() + " deleted.");
        } catch (ProvisioningException e) {
            Messages.error(e.getMessage());
        }
    }

    // --- files ---------------------------------------------------------------------------------------------------

    /**
     * Imports the uploaded file into the chosen account: every row is checked; all or none saved, or each good one,
     * as chosen; the per-row result file is then offered for download.
     */
    public void importFile() {
        if (!session.allowed("WriteUser")) {
            return;
        }
        if (upload == null || upload.getSize() == 0) {
            Messages.refused("uploadForm:file", "Choose a CSV file first.");
            return;
        }
        EnumSet<Service> defaults = EnumSet.noneOf(Service.class);
        uploadServices.forEach(s -> defaults.add(byProperty(s)));
        NumberCsv.Parsed parsed = NumberCsv.parse(new String(upload.getContent(), StandardCharsets.UTF_8), defaults);
        if (parsed.problem() != null) {
            Messages.refused("uploadForm:file", "The file cannot be read: " + parsed.problem());
            return;
        }
        try {
            resultFile = NumberImport.run(numbers, uploadAccount, parsed.rows(), allOrNothing).csv();
            resultSummary = NumberImport.summary(resultFile);
            Messages.info("Import of " + upload.getFileName() + ": " + resultSummary);
        } catch (ProvisioningException e) {
            Messages.refused("uploadForm:account", e.getMessage());
        }
    }

    public StreamedContent getResults() {
        byte[] bytes = (resultFile == null ? "" : resultFile).getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("import-results.csv").contentType("text/csv")
                .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    /** The numbers the filter shows, as a file of the upload's form (plus account and status). */
    public StreamedContent getExport() {
        NumberFilter filter = filter();
        return DefaultStreamedContent.builder().name("numbers.csv").contentType("text/csv").writer(out -> {
            try {
                out.write(NumberCsv.line("Numbers", "Services", "CustomHeader", "Account", "Status")
                        .getBytes(StandardCharsets.UTF_8));
                for (int skip = 0;; skip += EXPORT_PAGE) {
                    List<NumberView> page = numbers.list(filter, skip, EXPORT_PAGE);
                    for (NumberView n : page) {
                        out.write(NumberCsv.line(n.telephoneNumber(), String.join(";", n.details().services().stream()
                                .map(Service::property).sorted().toList()), n.details().customSipHeader(),
                                n.details().accountName(), n.provisioningStatus()).getBytes(StandardCharsets.UTF_8));
                    }
                    if (page.size() < EXPORT_PAGE) {
                        break;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).build();
    }

    private static Service byProperty(String property) {
        for (Service s : Service.values()) {
            if (s.property().equals(property)) {
                return s;
            }
        }
        return null;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // --- properties ----------------------------------------------------------------------------------------------

    public NumberForm getForm() { return form; }
    public String getPrefix() { return prefix; }
    public void setPrefix(String v) { prefix = v; }
    public String getAccount() { return account; }
    public void setAccount(String v) { account = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getService() { return service; }
    public void setService(String v) { service = v; }
    public String getUploadAccount() { return uploadAccount; }
    public void setUploadAccount(String v) { uploadAccount = v; }
    public List<String> getUploadServices() { return uploadServices; }
    public void setUploadServices(List<String> v) { uploadServices = v; }
    public boolean isAllOrNothing() { return allOrNothing; }
    public void setAllOrNothing(boolean v) { allOrNothing = v; }
    public UploadedFile getUpload() { return upload; }
    public void setUpload(UploadedFile v) { upload = v; }
    public boolean isResultReady() { return resultFile != null; }
    public String getResultSummary() { return resultSummary; }
}
