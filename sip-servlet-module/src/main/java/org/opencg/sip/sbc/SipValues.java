package org.opencg.sip.sbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TelURL;
import javax.servlet.sip.URI;

/** What the B2BUA reads out of a SIP message: the parties' numbers, the display name, the SDP, Retry-After. */
final class SipValues {

    private SipValues() {
    }

    /** The caller as asserted (RFC 3325 P-Asserted-Identity) when the peer says so, else From. */
    static URI assertedOrFrom(SipServletRequest request) {
        if (request.getHeader("P-Asserted-Identity") != null) {
            try {
                return request.getAddressHeader("P-Asserted-Identity").getURI();
            } catch (ServletParseException e) {
                // an unparseable PAI is ignored; From names the caller then
            }
        }
        return request.getFrom().getURI();
    }

    /** The number in a URI: a sip: URI's user part, or a tel: URL's number ('+' kept for global ones). */
    static String userOf(URI uri) {
        if (uri instanceof SipURI sip) {
            return sip.getUser();
        }
        if (uri instanceof TelURL tel) {
            return tel.isGlobal() ? "+" + tel.getPhoneNumber() : tel.getPhoneNumber();
        }
        return null;
    }

    /** The number if it is E.164 with '+', else null (Teams takes nothing else, acg-behaviour.md §3.5). */
    static String e164(String user) {
        return NumberNormalisation.isE164(user) ? user : null;
    }

    /** {@code "name" <uri>} with the caller's display name, or {@code <uri>} without one. */
    static String displayed(SipServletRequest invite, String uri) {
        String name = invite.getFrom().getDisplayName();
        return name == null || name.isBlank() ? "<" + uri + ">" : "\"" + name.replace("\"", "") + "\" <" + uri + ">";
    }

    /** The message's body as the B2BUA passes it on: its SDP (whole body or multipart part) and the rest. */
    static SessionBody body(SipServletMessage message) {
        try {
            return message.getContentLength() > 0
                    ? SessionBody.of(message.getContentType(), message.getRawContent()) : SessionBody.of(null, null);
        } catch (IOException e) {
            return SessionBody.of(null, null); // a message in memory: its content is always there to read
        }
    }

    static boolean carriesSdp(SipServletMessage message) {
        return body(message).sdp() != null;
    }

    /** The SDP a message carries, alone or as the SDP part of a multipart body; empty when it carries none. */
    static String sdp(SipServletMessage message) {
        String sdp = body(message).sdp();
        return sdp == null ? "" : sdp;
    }

    /**
     * Sets {@code sdp} as the body of {@code message}; when {@code source} (the message it passes on) had a multipart
     * body, that body with {@code sdp} in place of its SDP part (or added as one), every other part byte for byte.
     */
    static void setSdp(SipServletMessage message, String sdp, SipServletMessage source) throws IOException {
        SessionBody body = body(source);
        if (body.readableMultipart()) {
            message.setContent(body.withSdp(sdp), body.contentType());
        } else {
            message.setContent(sdp, "application/sdp");
        }
    }

    static String content(SipServletMessage message) throws IOException {
        byte[] raw = message.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    }

    /** RFC 3261 §20.33: delta-seconds, perhaps with a comment or parameters; 30 s when unreadable. */
    static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Long.parseLong(header.split("[ ;(]")[0].trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(30);
        }
    }
}
