package org.opencg.sip.sbc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A trunk's number rules (acg-behaviour.md §3.5: Teams takes E.164 with '+' only; the operator leg may use national
 * forms): rules toward E.164 for numbers coming from the operator, and rules from E.164 for numbers going to it.
 * Each direction is an ordered list of {@code regex>replacement}; the first that matches the whole number applies,
 * and a number no rule matches stays as it is. Pure and immutable, so the SIP side applies it per message.
 *
 * <p>Setting form, e.g. for a UK operator: {@code ^0(\d{9,10})$>+44$1;^00(\d+)$>+$1} toward E.164 and
 * {@code ^\+44(\d+)$>0$1} toward the operator.
 */
public final class NumberNormalisation {

    private record Rule(Pattern match, String replacement) {
    }

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern VISUAL_SEPARATORS = Pattern.compile("[-.()]");
    public static final NumberNormalisation NONE = new NumberNormalisation(List.of(), List.of());

    private final List<Rule> toE164;
    private final List<Rule> toOperator;

    private NumberNormalisation(List<Rule> toE164, List<Rule> toOperator) {
        this.toE164 = toE164;
        this.toOperator = toOperator;
    }

    /** Parses both directions; a bad rule is an IllegalArgumentException naming it. */
    public static NumberNormalisation parse(String toE164, String toOperator) {
        return new NumberNormalisation(rules(toE164), rules(toOperator));
    }

    private static List<Rule> rules(String text) {
        List<Rule> rules = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return rules;
        }
        for (String entry : text.split(";")) {
            int arrow = entry.lastIndexOf('>');
            if (arrow <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not regex>replacement");
            }
            try {
                rules.add(new Rule(Pattern.compile(entry.substring(0, arrow).trim()), entry.substring(arrow + 1).trim()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + entry + "': " + e.getDescription(), e);
            }
        }
        return List.copyOf(rules);
    }

    /**
     * The E.164 form (with '+') of a number from the operator, or null when the rules do not make one: such a call
     * cannot go to Teams (the B2BUA answers 404 or 484).
     */
    public String toE164(String number) {
        String result = apply(toE164, stripVisualSeparators(number));
        return isE164(result) ? result : null;
    }

    /** Is this E.164 with '+' (ITU-T E.164: at most 15 digits, no leading 0), the only form Teams takes? */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /** The operator's form of an E.164 number (unchanged when no rule matches). */
    public String toOperator(String e164) {
        return apply(toOperator, e164);
    }

    private static String apply(List<Rule> rules, String number) {
        if (number == null) {
            return null;
        }
        for (Rule rule : rules) {
            Matcher matcher = rule.match().matcher(number);
            if (matcher.matches()) {
                return matcher.replaceFirst(rule.replacement());
            }
        }
        return number;
    }

    /** RFC 3966 §5.1.1: visual separators ('-', '.', '(', ')') carry no meaning in a telephone number. */
    static String stripVisualSeparators(String number) {
        return number == null ? null : VISUAL_SEPARATORS.matcher(number).replaceAll("");
    }
}
