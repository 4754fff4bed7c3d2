package org.opencg.sip.container.core;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Headers the container owns (JSR 289 §4.1.2): applications read them but may not change them, because the
 * transaction and dialog layers depend on them. Compact forms (RFC 3261 §7.3.3) are mapped to full names.
 */
final class SystemHeaders {

    private static final Set<String> SYSTEM = Set.of("call-id", "from", "to", "cseq", "via", "record-route",
            "route", "path", "rack", "rseq", "contact", "content-length", "max-forwards-internal");

    private static final Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("i", "Call-ID"), Map.entry("f", "From"), Map.entry("t", "To"), Map.entry("v", "Via"),
            Map.entry("m", "Contact"), Map.entry("l", "Content-Length"), Map.entry("c", "Content-Type"),
            Map.entry("e", "Content-Encoding"), Map.entry("k", "Supported"), Map.entry("s", "Subject"),
            Map.entry("o", "Event"), Map.entry("r", "Refer-To"), Map.entry("b", "Referred-By"),
            Map.entry("u", "Allow-Events"), Map.entry("x", "Session-Expires"), Map.entry("y", "Identity"));

    private SystemHeaders() {
    }

    /** The full name of a header given in compact or full form. */
    static String fullName(String name) {
        String full = COMPACT.get(name.toLowerCase(Locale.ROOT));
        return full == null ? name : full;
    }

    static boolean isSystem(String name) {
        return SYSTEM.contains(fullName(name).toLowerCase(Locale.ROOT));
    }

    /** Throws when an application tries to change a system header. */
    static void requireWritable(String name) {
        if (isSystem(name)) {
            throw new IllegalArgumentException(fullName(name) + " is a system header; the container manages it");
        }
    }
}
