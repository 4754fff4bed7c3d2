package org.opencg.core.dns;

import java.util.List;

/**
 * The DNS side of a Direct Routing customer subdomain (acg-behaviour.md §9): the two names the customer verifies in
 * Microsoft 365, {@code <label>.1r1.<base>} and {@code <label>.1r2.<base>}, each with a TXT record holding that
 * region's token, and the {@code subdomainStatus} derived from what the DNS server actually serves.
 */
public final class SubdomainRecords {

    public static final String PROVISIONED = "provisioned";
    public static final String NOT_PROVISIONED = "notProvisioned";
    public static final String INCONSISTENT = "inconsistent";

    private SubdomainRecords() {
    }

    /** The FQDN (no trailing dot) of a label's subdomain in region 1 or 2. */
    public static String name(String label, int region, String baseDomain) {
        return label + ".1r" + region + "." + baseDomain;
    }

    /**
     * {@code provisioned} when each name serves exactly its token, {@code notProvisioned} when neither serves any
     * TXT record, {@code inconsistent} for anything between (one missing, a wrong or an extra value).
     */
    public static String status(String token1, String token2, List<String> served1, List<String> served2) {
        if (served1.isEmpty() && served2.isEmpty()) {
            return NOT_PROVISIONED;
        }
        return served1.equals(List.of(token1)) && served2.equals(List.of(token2)) ? PROVISIONED : INCONSISTENT;
    }
}
