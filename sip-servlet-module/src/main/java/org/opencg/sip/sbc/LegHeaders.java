package org.opencg.sip.sbc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What crosses from one leg of a call to the other (issue 5: topology hiding; acg-behaviour.md §3.11), as pure
 * functions: which headers the B2BUA copies, and which URI parameters an in-dialog request may carry.
 */
public final class LegHeaders {

    /**
     * Headers that describe one leg's path, its dialog or its equipment, never copied to the other leg: the B2BUA
     * makes its own (RFC 3261 §8.1.1, §16.6) or leaves them out, so neither side learns the other's addresses or
     * software.
     */
    private static final Set<String> OWN_TO_THE_LEG = Set.of("via", "v", "route", "record-route", "contact", "m",
            "call-id", "i", "cseq", "from", "f", "to", "t", "max-forwards", "content-length", "l", "server",
            "user-agent", "warning", "path", "service-route", "p-charging-vector", "p-visited-network-id",
            "p-access-network-info", "x-ms-sbc", "x-ms-tenantid", "x-ms-fmc");

    /**
     * Of those, the ones a JSR 289 B2BUA copy still carries (the container leaves out the dialog's and path's own):
     * removed from each request made for the other leg.
     */
    private static final Set<String> REMOVED_FROM_COPIES = Set.of("user-agent", "server", "warning",
            "p-charging-vector", "p-visited-network-id", "p-access-network-info", "service-route",
            "x-ms-sbc", "x-ms-tenantid", "x-ms-fmc", "p-asserted-identity", "record-route", "path");

    private LegHeaders() {
    }

    /** Does the B2BUA copy this header from one leg to the other? */
    public static boolean copied(String header) {
        return !OWN_TO_THE_LEG.contains(header.toLowerCase(Locale.ROOT));
    }

    /** Is this header, found on a request copied from the other leg, to be removed before it is sent? */
    public static boolean removedFromCopy(String header) {
        return REMOVED_FROM_COPIES.contains(header.toLowerCase(Locale.ROOT));
    }

    /**
     * The parameters an in-dialog request may keep on its Request-URI, To or From: only those the dialog-creating
     * request had (acg-behaviour.md §3.11); others are stripped rather than the request refused.
     */
    public static Map<String, String> inDialogParameters(Map<String, String> initial, Map<String, String> inDialog) {
        Map<String, String> kept = new LinkedHashMap<>();
        inDialog.forEach((name, value) -> {
            if (initial.containsKey(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /**
     * The tenant carried as an RFC 4904 trunk group on the operator leg instead of {@code X-MS-TenantID}
     * (acg-behaviour.md §3.10): {@code sip:+E164;tgrp=<tenant>;trunk-context=<context>@host;user=phone}.
     */
    public static String trunkGroupUri(String e164, String tenant, String trunkContext, String host) {
        return "sip:" + e164 + ";tgrp=" + tenant + ";trunk-context=" + trunkContext + "@" + host + ";user=phone";
    }
}
