package org.opencg.sip.sbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a REFER from Teams sends the call (acg-behaviour.md §3.8): its Refer-To is a SIP URI with a Microsoft proxy
 * host and either an E.164 user (a PSTN target, reached over an operator trunk) or {@code x-m} (the target user's
 * MRI) and {@code x-t} (tenant) parameters (a Teams user, reached by a new INVITE back to Teams). A Replaces header
 * in the URI (attended transfer, RFC 3891) names the dialog the new call replaces; it is never sent to Teams.
 *
 * @param number   the E.164 target, or null for a Teams user
 * @param teamsUri the Refer-To URI without its headers, for a target back in Teams (null for a PSTN number)
 * @param replaces the Replaces value (Call-ID;to-tag=..;from-tag=..), or null for a blind transfer
 */
record TransferTarget(String number, String teamsUri, String replaces) {

    /** RFC 3261 §25.1 name-addr or addr-spec; the URI's headers follow '?'. */
    private static final Pattern URI = Pattern.compile("^\\s*(?:\"[^\"]*\"\\s*)?<?\\s*(sips?:[^>?\\s]+)(?:\\?([^>\\s]*))?>?.*$");
    private static final Pattern USER = Pattern.compile("^sips?:([^@;]+)@");

    /** The target of a Refer-To value; empty when it names neither an E.164 number nor a Teams user. */
    static Optional<TransferTarget> parse(String referTo) {
        if (referTo == null) {
            return Optional.empty();
        }
        Matcher m = URI.matcher(referTo);
        if (!m.matches()) {
            return Optional.empty();
        }
        String uri = m.group(1);
        String replaces = header(m.group(2), "Replaces");
        if (parameter(uri, "x-m") != null) {
            return Optional.of(new TransferTarget(null, uri, replaces));
        }
        Matcher user = USER.matcher(uri);
        String number = user.find() ? SipValues.e164(user.group(1)) : null;
        return number == null ? Optional.empty() : Optional.of(new TransferTarget(number, null, replaces));
    }

    boolean backToTeams() {
        return number == null;
    }

    /** The Teams user's URI with the host (and port) of the proxy it is sent to. */
    String teamsUriAt(String host, int port) {
        return teamsUri.replaceFirst("^(sips?:(?:[^@;?>]+@)?)[^;?>]+", "$1" + host + (port > 0 ? ":" + port : ""));
    }

    private static String parameter(String uri, String name) {
        for (String part : uri.split(";")) {
            if (part.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String header(String headers, String name) {
        if (headers == null) {
            return null;
        }
        for (String part : headers.split("&")) {
            if (part.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
                return percentDecoded(part.substring(name.length() + 1));
            }
        }
        return null;
    }

    /** RFC 3986 §2.1 escapes only ('+' stays '+': a Call-ID may hold one). */
    private static String percentDecoded(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && isHex(value, i + 1) && isHex(value, i + 2)) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String value, int at) {
        return Character.digit(value.charAt(at), 16) >= 0;
    }
}
