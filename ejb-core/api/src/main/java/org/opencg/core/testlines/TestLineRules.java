package org.opencg.core.testlines;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.numbers.NumberRules;

/**
 * What a test line must be (acg-behaviour.md §10, ARM's rules): a name of 3 to 24 letters, digits or '-', an E.164
 * number, a purpose of {@code Manual} or {@code Automated}. Every wrong field is named at once, so a form can mark
 * them all. Pure.
 */
public final class TestLineRules {

    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-]{3,24}");
    public static final List<String> PURPOSES = List.of("Manual", "Automated");

    private TestLineRules() {
    }

    /** The name alone (a path segment is checked before anything is read). */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ProvisioningException(Kind.INVALID, "InvalidTestLineName", "the name '" + name
                    + "' is not 3 to 24 letters, digits or '-'", "name");
        }
    }

    /** Every wrong field of a test line, as (field, problem) pairs; empty when it is right. */
    public static List<String[]> problems(String name, String phoneNumber, String purpose) {
        List<String[]> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(new String[] {"name", "the name is 3 to 24 letters, digits or '-'"});
        }
        try {
            NumberRules.checkNumber(phoneNumber, "properties.phoneNumber");
        } catch (ProvisioningException e) {
            problems.add(new String[] {"properties.phoneNumber", phoneNumber == null || phoneNumber.isBlank()
                    ? "the phone number is required" : e.getMessage()});
        }
        if (purpose == null || !PURPOSES.contains(purpose)) {
            problems.add(new String[] {"properties.purpose", "the purpose is Manual or Automated"
                    + (purpose == null || purpose.isBlank() ? "" : ", not '" + purpose + "'")});
        }
        return problems;
    }

    /** Refuses a test line with every problem in one error: the first as its target, all in its message. */
    public static void check(String name, String phoneNumber, String purpose) {
        List<String[]> problems = problems(name, phoneNumber, purpose);
        if (!problems.isEmpty()) {
            throw new ProvisioningException(Kind.INVALID, "InvalidTestLine", String.join("; ",
                    problems.stream().map(p -> p[1]).toList()), problems.get(0)[0]);
        }
    }
}
