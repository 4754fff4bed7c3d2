package org.opencg.sip.sbc;

/**
 * How OpenCG writes itself and the numbers toward Microsoft Teams (acg-behaviour.md §3.3-§3.6), as pure functions:
 * E.164 with '+' and {@code user=phone}, the Contact FQDN that tells Teams the tenant (the customer subdomain for
 * Direct Routing, the per-region carrier domain otherwise), and X-MS-SBC from configuration.
 */
public final class TeamsLeg {

    private TeamsLeg() {
    }

    /** The per-region carrier domain, {@code 1r<region>.<base>} (acg-behaviour.md §9). */
    public static String carrierDomain(int region, String baseDomain) {
        return "1r" + region + "." + baseDomain;
    }

    /**
     * The Contact host of a call toward Teams: {@code <label>.1r<region>.<base>} for a Direct Routing customer, the
     * carrier domain for Operator Connect and Teams Phone Mobile (§3.4: Teams finds the tenant from this FQDN).
     */
    public static String contactHost(String directRoutingLabel, int region, String baseDomain) {
        return directRoutingLabel == null ? carrierDomain(region, baseDomain)
                : directRoutingLabel + "." + carrierDomain(region, baseDomain);
    }

    /** {@code sip:+E164@host[:port];user=phone}, the form Teams wants in Request-URI, From, To and PAI (§3.5). */
    public static String numberUri(String e164, String host, int port) {
        if (!NumberNormalisation.isE164(e164)) {
            throw new IllegalArgumentException("not E.164 with '+': " + e164);
        }
        return "sip:" + e164 + "@" + host + (port > 0 ? ":" + port : "") + ";user=phone";
    }

    /** The Contact of an INVITE toward Teams: {@code <sip:+E164@fqdn:port;transport=tls>} (§3.4). */
    public static String inviteContact(String e164, String contactHost, int port) {
        return "<sip:" + e164 + "@" + contactHost + ":" + port + ";transport=tls>";
    }

    /** The Contact of OPTIONS toward Teams: the carrier FQDN, no user part (§3.3; an IP address there is 403). */
    public static String optionsContact(String carrierFqdn, int port) {
        return "<sip:" + carrierFqdn + ":" + port + ";transport=tls>";
    }

    /** {@code X-MS-SBC: <vendor>/<model>/<version>} (§3.6), each part without '/' so the three stay apart. */
    public static String xMsSbc(String vendor, String model, String version) {
        for (String part : new String[] {vendor, model, version}) {
            if (part == null || part.isBlank() || part.contains("/")) {
                throw new IllegalArgumentException("X-MS-SBC parts are non-empty and without '/': " + part);
            }
        }
        return vendor + "/" + model + "/" + version;
    }

    /**
     * The Direct Routing customer label in a host Teams addressed, {@code <label>.1r<n>.<base>} (§9), or null for the
     * carrier domain {@code 1r<n>.<base>} or any other host.
     */
    public static String directRoutingLabel(String host, String baseDomain) {
        if (baseDomain == null || host == null) {
            return null;
        }
        String suffix = "." + baseDomain.toLowerCase(java.util.Locale.ROOT);
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(suffix)) {
            return null;
        }
        String[] labels = lower.substring(0, lower.length() - suffix.length()).split("\\.");
        return labels.length == 2 && labels[1].matches("1r\\d+") && !labels[0].isEmpty() ? labels[0] : null;
    }
}
