package org.opencg.sip.sbc;

import java.util.Locale;
import java.util.Set;

/**
 * What crosses from one leg of a call to the other (issue 5: topology hiding), as pure functions. Each leg is a
 * dialog of its own: the container makes Via, Route, Record-Route, Contact, Call-ID, CSeq, From, To and Max-Forwards
 * anew for it (JSR 289 §12), and requests in the dialog are made anew in the other dialog, so Request-URI, From or To
 * parameters added in the dialog never cross (acg-behaviour.md §3.11). The rest of a copied message is filtered here.
 */
public final class LegHeaders {

    /**
     * Headers a JSR 289 copy would still carry that describe one side's path, network or equipment, or are the
     * B2BUA's own to set per leg (P-Asserted-Identity is rewritten in the leg's number form, History-Info rebuilt
     * at the gateway's host: Redirection).
     */
    private static final Set<String> REMOVED_FROM_COPIES = Set.of("user-agent", "server", "warning",
            "p-charging-vector", "p-visited-network-id", "p-access-network-info", "service-route",
            "p-asserted-identity", "record-route", "path", "history-info");

    private LegHeaders() {
    }

    /**
     * Is this header, found on a request copied from the other leg, to be removed before it is sent? Besides the
     * list above, every {@code X-} header: private to the side that sent it (X-MS-SBC, X-MS-TenantID, X-MS-FMC,
     * Teams' X-MS-RegionInfo, an operator's own), each leg gets only the X- headers the B2BUA adds for it.
     */
    public static boolean removedFromCopy(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return name.startsWith("x-") || REMOVED_FROM_COPIES.contains(name);
    }

    /**
     * The tenant carried as an RFC 4904 trunk group on the operator leg instead of {@code X-MS-TenantID}
     * (acg-behaviour.md §3.10): {@code sip:+E164;tgrp=<tenant>;trunk-context=<context>@host;user=phone}.
     */
    public static String trunkGroupUri(String e164, String tenant, String trunkContext, String host) {
        return "sip:" + e164 + ";tgrp=" + tenant + ";trunk-context=" + trunkContext + "@" + host + ";user=phone";
    }
}
