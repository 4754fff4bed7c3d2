package org.opencg.sip.container.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;

/**
 * The checks RFC 3261 §8.2 puts on a UAS before its application sees a request, as a pure function: the
 * first one failed gives the response, with the header the RFC wants in it.
 */
public final class UasChecks {

    /** Option tags this container implements (RFC 3262 reliable provisional responses). */
    public static final Set<String> SUPPORTED_OPTIONS = Set.of("100rel");
    private static final Set<String> SCHEMES = Set.of("sip", "sips", "tel");
    /** Bodies a session-describing request may carry: SDP, or multipart with SDP and e.g. a PIDF-LO (emergency). */
    private static final Set<String> SESSION_METHODS = Set.of(Request.INVITE, Request.UPDATE, Request.PRACK, Request.ACK);

    /** A refusal: status, reason phrase, and an extra header (name, value) or null. */
    public record Refusal(int status, String reason, String headerName, String headerValue) {
    }

    private UasChecks() {
    }

    public static Optional<Refusal> check(Request request) {
        String scheme = request.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            // §8.2.2.1
            return Optional.of(new Refusal(416, "Unsupported URI Scheme", null, null));
        }
        List<String> unsupported = new ArrayList<>();
        for (ListIterator<?> requires = request.getHeaders("Require"); requires.hasNext();) {
            for (String tag : MessageImpl.valueOf((Header) requires.next()).split(",")) {
                String trimmed = tag.trim();
                if (!trimmed.isEmpty() && !SUPPORTED_OPTIONS.contains(trimmed.toLowerCase(Locale.ROOT))) {
                    unsupported.add(trimmed);
                }
            }
        }
        if (!unsupported.isEmpty() && !Request.CANCEL.equals(request.getMethod())) {
            // §8.2.2.3: 420 listing what is not supported.
            return Optional.of(new Refusal(420, "Bad Extension", "Unsupported", String.join(", ", unsupported)));
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (Request.INVITE.equals(request.getMethod()) && from != null && from.getTag() == null) {
            // §8.1.1.3: a From tag is mandatory; without it the dialog cannot be told apart from others.
            return Optional.of(new Refusal(400, "Missing From Tag", null, null));
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        byte[] body = request.getRawContent();
        if (type == null && body != null && body.length > 0) {
            // §20.15: a body needs its Content-Type (one that does not parse, e.g. with a NUL in it, is dropped).
            return Optional.of(new Refusal(415, "Missing Content-Type", "Accept", "application/sdp, multipart/mixed"));
        }
        if (SESSION_METHODS.contains(request.getMethod()) && type != null && body != null && body.length > 0) {
            String media = (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
            if (!media.equals("application/sdp") && !media.startsWith("multipart/")) {
                // §8.2.3: 415 with the types that are understood.
                return Optional.of(new Refusal(415, "Unsupported Media Type", "Accept",
                        "application/sdp, multipart/mixed"));
            }
        }
        return Optional.empty();
    }
}
