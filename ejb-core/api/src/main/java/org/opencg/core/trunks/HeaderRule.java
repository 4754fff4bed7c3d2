package org.opencg.core.trunks;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One adjustment an operator's core needs on the SIP headers of a trunk, as data (Kamailio's textops, an SBC's
 * message manipulation): add a header, remove one, or rewrite each of its values by a regular expression; on INVITEs
 * only or on every request; on what the gateway sends toward the trunk or on what it receives from it (before it reads
 * the request). Written as one line:
 * <pre>
 *   toward invite add P-Early-Media: supported
 *   toward all remove X-Internal-Route
 *   from invite replace P-Asserted-Identity ^&lt;sip:00 =&gt; &lt;sip:+
 * </pre>
 * A rule that cannot work is refused when it is read, with what is wrong in plain words: an unknown word, a header the
 * gateway makes itself for each leg, a value or replacement that would break the message, a regular expression that
 * does not compile or a replacement naming a group it lacks.
 */
public record HeaderRule(Direction direction, Scope scope, Action action, String header, String value,
        Pattern pattern, String replacement) {

    /** Toward the trunk's peers (requests the gateway sends) or from them (requests it receives). */
    public enum Direction { TOWARD, FROM }

    /** INVITEs only (new calls and re-INVITEs), or every request. */
    public enum Scope { INVITE, ALL }

    public enum Action { ADD, REMOVE, REPLACE }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!%*_+`'~.-]+");
    /** Headers the container makes for each leg, and the body's: no rule may touch them (JSR 289 §4.1.2). */
    private static final Set<String> GATEWAYS_OWN = Set.of("via", "from", "to", "call-id", "cseq", "contact",
            "route", "record-route", "path", "rack", "rseq", "content-length", "content-type", "max-forwards",
            "v", "f", "t", "i", "m", "l", "c");
    private static final String ARROW = " => ";

    /** Reads one rule; an IllegalArgumentException says in plain words what is wrong with it. */
    public static HeaderRule parse(String text) {
        String[] words = text.strip().split("\\s+", 4);
        if (words.length < 4) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not '<toward|from> <invite|all> "
                    + "<add|remove|replace> <header> ...'");
        }
        Direction direction = word(Direction.class, words[0], "toward or from");
        Scope scope = word(Scope.class, words[1], "invite or all");
        Action action = word(Action.class, words[2], "add, remove or replace");
        String rest = words[3];
        return switch (action) {
            case REMOVE -> new HeaderRule(direction, scope, action, header(rest.strip()), null, null, null);
            case ADD -> {
                int colon = rest.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("add needs '<header>: <value>', not '" + rest + "'");
                }
                String value = rest.substring(colon + 1).strip();
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("add " + rest.substring(0, colon).strip() + " has no value");
                }
                yield new HeaderRule(direction, scope, action, header(rest.substring(0, colon).strip()),
                        printable(value, "value"), null, null);
            }
            case REPLACE -> {
                String[] parts = rest.strip().split("\\s+", 2);
                int arrow = parts.length < 2 ? -1 : parts[1].indexOf(ARROW.strip());
                if (arrow < 0) {
                    throw new IllegalArgumentException("replace needs '<header> <regex> => <replacement>', not '"
                            + rest + "'");
                }
                String regex = parts[1].substring(0, arrow).strip();
                String replacement = parts[1].substring(arrow + 2).strip();
                yield new HeaderRule(direction, scope, action, header(parts[0]), null, compile(regex),
                        printable(replacement, "replacement")).checkedGroups();
            }
        };
    }

    /** Whether this rule applies to a request of this method going this way. */
    public boolean appliesTo(Direction way, String method) {
        return direction == way && (scope == Scope.ALL || "INVITE".equalsIgnoreCase(method));
    }

    /** A value of the header after a {@code replace}. */
    public String replaced(String current) {
        return pattern.matcher(current).replaceAll(replacement);
    }

    /** The rule as the portal shows it. */
    public String describe() {
        String what = switch (action) {
            case ADD -> "add " + header + ": " + value;
            case REMOVE -> "remove " + header;
            case REPLACE -> "replace in " + header + " /" + pattern.pattern() + "/ with \"" + replacement + "\"";
        };
        return (direction == Direction.TOWARD ? "toward the trunk" : "from the trunk") + ", "
                + (scope == Scope.INVITE ? "INVITE" : "every request") + ": " + what;
    }

    private HeaderRule checkedGroups() {
        Matcher groups = Pattern.compile("(?<!\\\\)\\$(\\d)").matcher(replacement);
        int count = pattern.matcher("").groupCount();
        while (groups.find()) {
            if (Integer.parseInt(groups.group(1)) > count) {
                throw new IllegalArgumentException("the replacement names $" + groups.group(1) + " but the regex '"
                        + pattern.pattern() + "' has " + count + " group" + (count == 1 ? "" : "s"));
            }
        }
        return this;
    }

    private static <E extends Enum<E>> E word(Class<E> type, String word, String expected) {
        try {
            return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + word + "' is not " + expected);
        }
    }

    private static String header(String name) {
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a header name");
        }
        if (GATEWAYS_OWN.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " is the gateway's own: it makes it for each leg");
        }
        return name;
    }

    private static String printable(String text, String what) {
        for (char c : text.toCharArray()) {
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException("the " + what + " '" + text.replaceAll("\\p{Cntrl}", "?")
                        + "' has a control character, which would break the message");
            }
        }
        return text;
    }

    private static Pattern compile(String regex) {
        if (regex.isEmpty()) {
            throw new IllegalArgumentException("replace has an empty regex");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the regex '" + regex + "' does not compile: " + e.getDescription());
        }
    }
}
