package org.opencg.sip.sbc;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What crosses from one leg of a call to the other (issue 5: topology hiding), as pure functions. Each leg is a
 * dialog of its own: the container makes Via, Route, Record-Route, Contact, Call-ID, CSeq, From, To and Max-Forwards
 * anew for it (JSR 289 §12), and requests in the dialog are made anew in the other dialog, so Request-URI, From or To
 * parameters added in the dialog never cross (acg-behaviour.md §3.11). The rest of a copied message passes only
 * what {@link #CROSSING} names.
 */
public final class LegHeaders {

    /**
     * The headers a message copied from the other leg keeps: what the call means end to end (its capabilities,
     * session timer, privacy, reasons, content, events and transfers), nothing about one side's path, network,
     * equipment or identity claims. Everything else is removed: a header this list does not name never crosses,
     * so a new or private header (P-Preferred-Identity, Remote-Party-ID, Diversion, P-Charging-Function-Addresses,
     * any X-) stays on its leg. P-Asserted-Identity, History-Info and Diversion are rebuilt per leg in that leg's
     * number form (Redirection); each leg gets only the X- headers the B2BUA adds for it. Geolocation and
     * Geolocation-Routing (RFC 6442) point at an emergency call's PIDF-LO, which crosses in the body.
     */
    static final Set<String> CROSSING = Set.of("allow", "allow-events", "supported", "require", "accept",
            "accept-encoding", "accept-language", "content-type", "content-disposition", "content-encoding",
            "content-language", "mime-version", "session-expires", "min-se", "privacy", "reason", "subject",
            "priority", "event", "subscription-state", "expires", "refer-to", "referred-by", "replaces",
            "info-package", "recv-info", "geolocation", "geolocation-routing");

    /** What the container keeps and makes anew for each leg itself (JSR 289 §4.1.2): not the B2BUA's to remove. */
    private static final Set<String> CONTAINER_OWNED = Set.of("call-id", "from", "to", "cseq", "via",
            "record-route", "route", "path", "rack", "rseq", "contact", "content-length", "max-forwards");

    /** RFC 3261 §7.3.3's compact forms of the headers above. */
    private static final Map<String, String> COMPACT = Map.ofEntries(Map.entry("i", "call-id"),
            Map.entry("f", "from"), Map.entry("t", "to"), Map.entry("v", "via"), Map.entry("m", "contact"),
            Map.entry("l", "content-length"), Map.entry("c", "content-type"), Map.entry("e", "content-encoding"),
            Map.entry("k", "supported"), Map.entry("s", "subject"), Map.entry("o", "event"),
            Map.entry("r", "refer-to"), Map.entry("b", "referred-by"), Map.entry("u", "allow-events"),
            Map.entry("x", "session-expires"));

    private LegHeaders() {
    }

    /** Is this header, found on a message copied from the other leg, to be removed before it is sent? */
    public static boolean removedFromCopy(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        name = COMPACT.getOrDefault(name, name);
        return !CROSSING.contains(name) && !CONTAINER_OWNED.contains(name);
    }

    /**
     * The tenant carried as an RFC 4904 trunk group on the operator leg instead of {@code X-MS-TenantID}
     * (acg-behaviour.md §3.10): {@code sip:+E164;tgrp=<tenant>;trunk-context=<context>@host;user=phone}.
     */
    public static String trunkGroupUri(String e164, String tenant, String trunkContext, String host) {
        return "sip:" + e164 + ";tgrp=" + tenant + ";trunk-context=" + trunkContext + "@" + host + ";user=phone";
    }
}
