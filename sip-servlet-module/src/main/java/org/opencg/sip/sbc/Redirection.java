package org.opencg.sip.sbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a call from Teams was forwarded, told to the operator's network (acg-behaviour.md §3.9): Teams sends
 * History-Info (RFC 7044) for forwarding and simultaneous ring; the operator leg gets it rebuilt with the gateway's
 * host (no Microsoft host crosses) or, for cores that read only the older form, as Diversion (RFC 5806), mapped as
 * RFC 6044 §7 does. Pure functions over header values.
 */
final class Redirection {

    /** What a trunk's cores read. */
    enum Form { HISTORY_INFO, DIVERSION }

    /** One hi-entry: the number it names, its index, the SIP cause of its retargeting, whether it is private. */
    record Entry(String number, String index, Integer cause, boolean privacy) {
    }

    private static final Pattern ENTRY = Pattern.compile("<\\s*(sips?:[^>]*)>([^,]*)");
    private static final Pattern USER = Pattern.compile("^sips?:([^@;?]+)[@;?]");
    private static final Pattern INDEX = Pattern.compile(";\\s*index\\s*=\\s*([0-9.]+)");
    /** RFC 7044 §4.2.1: the cause of a retarget in the Reason escaped in the entry's URI (RFC 4244 style). */
    private static final Pattern REASON_CAUSE = Pattern.compile("(?i)Reason=SIP(?:%3B|;)\\s*cause(?:%3D|=)(\\d{3})");
    /** RFC 4458: the cause as a URI parameter of the entry retargeted to. */
    private static final Pattern URI_CAUSE = Pattern.compile(";cause=(\\d{3})");
    /** RFC 6044 §7.1.2: SIP causes to Diversion reasons. */
    private static final Map<Integer, String> REASONS = Map.of(302, "unconditional", 486, "user-busy",
            408, "no-answer", 480, "deflection", 487, "deflection", 503, "unavailable", 404, "unknown");

    private Redirection() {
    }

    /** The entries of History-Info header values (one or more, each possibly comma-separated), in index order. */
    static List<Entry> historyInfo(List<String> values) {
        List<Entry> entries = new ArrayList<>();
        for (String value : values) {
            Matcher m = ENTRY.matcher(value);
            while (m.find()) {
                String uri = m.group(1);
                Matcher user = USER.matcher(uri);
                Matcher index = INDEX.matcher(m.group(2));
                Matcher reason = REASON_CAUSE.matcher(uri);
                Integer cause = reason.find() ? Integer.valueOf(reason.group(1)) : null;
                if (cause == null) {
                    Matcher param = URI_CAUSE.matcher(uri.split("\\?")[0]);
                    cause = param.find() ? Integer.valueOf(param.group(1)) : null;
                }
                entries.add(new Entry(user.find() ? user.group(1) : null, index.find() ? index.group(1) : null, cause,
                        uri.toLowerCase(java.util.Locale.ROOT).contains("privacy=history")));
            }
        }
        return entries;
    }

    /**
     * History-Info for the operator leg: each entry with the number in the trunk's form at the gateway's host, its
     * index, cause and privacy kept; empty when there were no entries.
     */
    static String historyInfo(List<Entry> entries, UnaryOperator<String> numberForm, String host) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.number() == null) {
                continue;
            }
            StringBuilder uri = new StringBuilder("<sip:").append(numberForm.apply(e.number())).append('@').append(host)
                    .append(";user=phone");
            List<String> headers = new ArrayList<>();
            if (e.cause() != null) {
                headers.add("Reason=SIP%3Bcause%3D" + e.cause());
            }
            if (e.privacy()) {
                headers.add("Privacy=history");
            }
            if (!headers.isEmpty()) {
                uri.append('?').append(String.join("&", headers));
            }
            uri.append('>');
            if (e.index() != null) {
                uri.append(";index=").append(e.index());
            }
            out.add(uri.toString());
        }
        return String.join(",", out);
    }

    /**
     * Diversion for the operator leg (RFC 6044 §7.1): one entry per number the call was retargeted away from (all
     * but the last entry, which is where it goes now), most recent first, with the reason of its retarget and
     * {@code counter=1}; private entries say {@code privacy=full}. Empty when the call was not retargeted.
     */
    static String diversion(List<Entry> entries, UnaryOperator<String> numberForm, String host) {
        List<String> out = new ArrayList<>();
        for (int i = entries.size() - 2; i >= 0; i--) {
            Entry from = entries.get(i);
            if (from.number() == null) {
                continue;
            }
            Integer cause = from.cause() != null ? from.cause() : entries.get(i + 1).cause();
            String reason = cause == null ? "unknown" : REASONS.getOrDefault(cause, "unknown");
            out.add("<sip:" + numberForm.apply(from.number()) + "@" + host + ";user=phone>;reason=" + reason
                    + ";counter=1" + (from.privacy() ? ";privacy=full" : ""));
        }
        return String.join(",", out);
    }
}
