package org.opencg.core.numbers;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;

/**
 * Which numbers a list shows: the documented subset of OData {@code filter} the API accepts (acg-behaviour.md §1.6
 * leaves the syntax open), and the portal's filter fields. Clauses are joined with {@code and}:
 * <ul>
 * <li>{@code telephoneNumber eq '+15105550100'} and {@code startswith(telephoneNumber,'+1510')}</li>
 * <li>{@code accountName eq 'contoso'}</li>
 * <li>{@code serviceProvisioningStatus eq 'pending'} (or {@code synced}, {@code failed})</li>
 * <li>{@code serviceDetails/teamsOperatorConnect/enabled eq true} (any service property name)</li>
 * </ul>
 * Null fields do not filter.
 */
public record NumberFilter(String numberPrefix, String exactNumber, String accountName, String provisioningStatus,
        Set<Service> services) {

    public static final NumberFilter ALL = new NumberFilter(null, null, null, null, Set.of());

    private static final Pattern STARTSWITH = Pattern.compile(
            "startswith\\(\\s*telephoneNumber\\s*,\\s*'([^']*)'\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EQ = Pattern.compile("([A-Za-z/]+)\\s+eq\\s+('([^']*)'|true)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SERVICE = Pattern.compile("serviceDetails/([A-Za-z]+)/enabled");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> STATUSES = Set.of("pending", "synced", "failed");
    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]{0,15}");

    public NumberFilter {
        services = services == null || services.isEmpty() ? Set.of() : Set.copyOf(services);
    }

    /** Parses the {@code filter} query parameter; null or blank filters nothing. */
    public static NumberFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return ALL;
        }
        String prefix = null;
        String exact = null;
        String account = null;
        String status = null;
        Set<Service> services = EnumSet.noneOf(Service.class);
        for (String clause : AND.split(filter.trim())) {
            Matcher startsWith = STARTSWITH.matcher(clause.trim());
            Matcher eq = EQ.matcher(clause.trim());
            if (startsWith.matches()) {
                prefix = startsWith.group(1);
                if (!DIGITS.matcher(prefix).matches()) {
                    throw invalid("a number prefix is '+' and digits: " + prefix);
                }
            } else if (eq.matches()) {
                String property = eq.group(1);
                String value = eq.group(3);
                Matcher service = SERVICE.matcher(property);
                if (property.equals("telephoneNumber") && value != null) {
                    exact = value;
                } else if (property.equals("accountName") && value != null) {
                    account = value;
                } else if (property.equals("serviceProvisioningStatus") && value != null && STATUSES.contains(value)) {
                    status = value;
                } else if (service.matches() && value == null && Service.ofProperty(service.group(1)) != null) {
                    services.add(Service.ofProperty(service.group(1)));
                } else {
                    throw invalid("unsupported clause '" + clause.trim() + "'");
                }
            } else {
                throw invalid("unsupported clause '" + clause.trim() + "'");
            }
        }
        return new NumberFilter(prefix, exact, account, status, services);
    }

    private static ProvisioningException invalid(String why) {
        return new ProvisioningException(Kind.INVALID, "InvalidFilter", why
                + "; supported: telephoneNumber eq '...', startswith(telephoneNumber,'...'), accountName eq '...',"
                + " serviceProvisioningStatus eq 'pending|synced|failed', serviceDetails/<service>/enabled eq true,"
                + " joined with 'and'", "filter");
    }

    /** The same filter limited to one account (the per-account list). */
    public NumberFilter inAccount(String name) {
        return new NumberFilter(numberPrefix, exactNumber, name, provisioningStatus, services);
    }
}
