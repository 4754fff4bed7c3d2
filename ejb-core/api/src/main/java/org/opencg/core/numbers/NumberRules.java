package org.opencg.core.numbers;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.opencg.core.accounts.AccountDetails;
import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;

/**
 * The rules of a telephone number (acg-behaviour.md §1.4 path constraints, §1.5 NumberResource), as pure functions
 * the API, the portal and the CSV upload share. {@code target} prefixes name where the number sits in the request
 * (e.g. {@code numbers[3].}), so a batch refusal says which item was wrong.
 */
public final class NumberRules {

    /** E.164 with '+', at most 15 digits (ITU-T E.164 §6), as the API's pattern {@code ^\+[1-9]\d+$} of 1-16 chars. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern CUSTOM_HEADER = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Set<String> ASSIGNMENT = Set.of("assigned", "unassigned");
    public static final int MAX_BATCH = 100;

    private NumberRules() {
    }

    public static void checkNumber(String number, String target) {
        if (number == null || !E164.matcher(number).matches()) {
            throw invalid("InvalidTelephoneNumber", "'" + number
                    + "' is not an E.164 number: '+', a digit 1-9, then 1 to 14 more digits", target);
        }
    }

    /**
     * A number's details on their own and against its account: a service may be on only where the account takes it
     * (a number cannot be routed by a service its account does not have).
     */
    public static void check(NumberDetails number, AccountDetails account, String target) {
        if (number.customSipHeader() != null && !CUSTOM_HEADER.matcher(number.customSipHeader()).matches()) {
            throw invalid("InvalidCustomSipHeader",
                    "customSipHeader is 1 to 100 letters, digits, '_' or '-'", target + "configuration.customSipHeader");
        }
        checkTeams(number.operatorConnect(), target + "serviceDetails.teamsOperatorConnect.");
        checkTeams(number.phoneMobile(), target + "serviceDetails.teamsPhoneMobile.");
        for (Service service : number.services()) {
            if (!takes(account, service)) {
                throw invalid("ServiceNotEnabledOnAccount", service.property() + " is not enabled on account "
                        + number.accountName(), target + "serviceDetails." + service.property() + ".enabled");
            }
        }
    }

    private static void checkTeams(TeamsNumber teams, String target) {
        if (teams == null) {
            return;
        }
        if (teams.assignmentStatus() != null && !ASSIGNMENT.contains(teams.assignmentStatus())) {
            throw invalid("InvalidAssignmentStatus", "assignmentStatus is 'assigned' or 'unassigned'",
                    target + "assignmentStatus");
        }
        TeamsNumberConfig config = teams.configuration();
        if (config != null && (config.usage() == null || config.usage().isBlank())) {
            throw invalid("MissingRequiredProperty", "configuration.usage is required", target + "configuration.usage");
        }
        if (config != null && config.usage().length() > 100) {
            throw invalid("InvalidUsage", "configuration.usage is longer than 100 characters",
                    target + "configuration.usage");
        }
    }

    /** Does the account take the service (its flag is present and enabled)? */
    public static boolean takes(AccountDetails account, Service service) {
        return switch (service) {
            case OPERATOR_CONNECT -> account.operatorConnect() != null && account.operatorConnect().enabled();
            case PHONE_MOBILE -> account.phoneMobile() != null && account.phoneMobile().enabled();
            case ZOOM -> account.zoom() != null && account.zoom().enabled();
            case DIRECT_ROUTING -> account.directRouting() != null && account.directRouting().enabled();
            case CALL_PROTECTION -> Boolean.TRUE.equals(account.callProtection());
        };
    }

    /** A batch holds 1 to 100 numbers, none twice (acg-behaviour.md §1.4: maxItems 100). */
    public static void checkBatch(List<String> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            throw invalid("MissingRequiredProperty", "numbers must hold 1 to " + MAX_BATCH + " items", "numbers");
        }
        if (numbers.size() > MAX_BATCH) {
            throw invalid("TooManyItems", "a batch holds at most " + MAX_BATCH + " numbers, this one has "
                    + numbers.size(), "numbers");
        }
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            String target = "numbers[" + i + "].telephoneNumber";
            checkNumber(numbers.get(i), target);
            Integer first = seen.putIfAbsent(numbers.get(i), i);
            if (first != null) {
                throw invalid("DuplicateTelephoneNumber", numbers.get(i) + " is also numbers[" + first + "]", target);
            }
        }
    }

    private static ProvisioningException invalid(String code, String message, String target) {
        return new ProvisioningException(Kind.INVALID, code, message, target);
    }
}
