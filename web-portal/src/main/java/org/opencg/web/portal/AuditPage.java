package org.opencg.web.portal;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.opencg.core.audit.AuditEntry;
import org.opencg.core.audit.AuditLog;
import org.opencg.core.numbers.NumberCsv;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The audit trail, newest first: who changed what, when, from where (portal, API, sync), with the resource before
 * and after; filtered by resource type and key prefix, paged in the database, exportable as CSV.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int EXPORT_LIMIT = 100_000;

    @EJB(lookup = AuditLog.JNDI)
    transient AuditLog audit;

    private String resourceType;
    private String keyPrefix;

    private final LazyDataModel<AuditEntry> table = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            // The trail has no count query: a page beyond the last one comes back empty, and the paginator stops.
            return Integer.MAX_VALUE / 2;
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            List<AuditEntry> page = audit.list(type(), prefix(), first, pageSize + 1);
            // One more than a page tells whether there is a next one.
            setRowCount(first + page.size());
            return page.size() > pageSize ? page.subList(0, pageSize) : page;
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return String.valueOf(entry.id());
        }
    };

    public LazyDataModel<AuditEntry> getTable() {
        return table;
    }

    public StreamedContent getExport() {
        String type = type();
        String prefix = prefix();
        return DefaultStreamedContent.builder().name("audit.csv").contentType("text/csv").writer(out -> {
            try {
                out.write(NumberCsv.line("At", "Actor", "Source", "Address", "Type", "Key", "Action", "Before", "After")
                        .getBytes(StandardCharsets.UTF_8));
                for (AuditEntry e : audit.list(type, prefix, 0, EXPORT_LIMIT)) {
                    out.write(NumberCsv.line(e.at().toString(), e.actor(), e.source(), e.address(), e.resourceType(),
                            e.resourceKey(), e.action(), e.before(), e.after()).getBytes(StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }).build();
    }

    private String type() {
        return resourceType == null || resourceType.isBlank() ? null : resourceType;
    }

    private String prefix() {
        return keyPrefix == null || keyPrefix.isBlank() ? null : keyPrefix.strip();
    }

    public List<String> getResourceTypes() {
        return List.of("account", "number", "consent", "portalUser");
    }

    public String getResourceType() { return resourceType; }
    public void setResourceType(String v) { resourceType = v; }
    public String getKeyPrefix() { return keyPrefix; }
    public void setKeyPrefix(String v) { keyPrefix = v; }
}
