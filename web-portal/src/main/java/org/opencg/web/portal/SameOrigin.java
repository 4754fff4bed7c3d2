package org.opencg.web.portal;

import java.net.URI;
import java.util.Locale;

/**
 * The portal's cross-site request forgery rule (OWASP "verifying origin with standard headers"): a request that can
 * change something (anything but GET, HEAD, OPTIONS) must say it comes from a page of this same site. Browsers send
 * {@code Origin} with every such request; older ones only {@code Referer}. Their host and port must be the ones the
 * request was sent to ({@code Host}); the scheme is not compared, since a TLS-terminating proxy in front of the
 * gateway turns https into http. A request that names neither header is refused: a browser always names one.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean allows(String method, String origin, String referer, String host) {
        if (method == null || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return true;
        }
        String source = origin != null && !origin.isBlank() && !origin.equals("null") ? origin : referer;
        if (source == null || source.isBlank() || host == null) {
            return false;
        }
        String authority = authority(source);
        return authority != null && authority.equals(normalise(host, scheme(source)));
    }

    private static String authority(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getHost() == null ? null : normalise(uri.getRawAuthority(), uri.getScheme());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** host:port in lower case, the scheme's default port written out, so "h" and "h:80" compare equal over http. */
    private static String normalise(String authority, String scheme) {
        String a = authority.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        a = at < 0 ? a : a.substring(at + 1);
        boolean hasPort = a.startsWith("[") ? a.contains("]:") : a.contains(":");
        return hasPort ? a : a + ":" + ("https".equals(scheme) ? 443 : 80);
    }
}
