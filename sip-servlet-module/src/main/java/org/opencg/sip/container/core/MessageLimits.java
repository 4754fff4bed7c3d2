package org.opencg.sip.container.core;

import java.util.Iterator;
import java.util.ListIterator;
import java.util.Optional;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;

import gov.nist.javax.sip.message.SIPMessage;

/**
 * The SIP size limits ACG enforces (acg-behaviour.md §3.11), as one pure check over a parsed request: the
 * first limit broken gives the response to refuse it with. Nothing over a limit reaches an application.
 */
public final class MessageLimits {

    public static final int MAX_MESSAGE = 10 * 1024;
    public static final int MAX_BODY = 128 * 1024;
    public static final int MAX_REQUEST_URI = 256;
    public static final int MAX_CONTACT_URI = 256;
    public static final int MAX_USERINFO = 256;
    public static final int MAX_FROM_DOMAIN = 255;
    public static final int MAX_HEADER_NAME = 32;
    public static final int MAX_BODY_TYPE = 64;
    public static final int MAX_OPTION_HEADER = 256;
    public static final int MAX_OPTION_TAG = 32;

    /** Status and reason phrase to refuse a request with. */
    public record Refusal(int status, String reason) {
    }

    private MessageLimits() {
    }

    public static Optional<Refusal> check(Request request) {
        int size = request instanceof SIPMessage message ? message.getSize() : 0;
        if (size > MAX_MESSAGE) {
            return refuse(513, "Message Too Large");
        }
        byte[] body = request.getRawContent();
        if (body != null && body.length > MAX_BODY) {
            return refuse(513, "Message Too Large");
        }
        URI requestUri = request.getRequestURI();
        if (requestUri.toString().length() > MAX_REQUEST_URI) {
            return refuse(414, "Request-URI Too Long");
        }
        if (userinfoLength(requestUri) > MAX_USERINFO) {
            return refuse(414, "Request-URI Too Long");
        }
        for (Iterator<?> names = request.getHeaderNames(); names.hasNext();) {
            if (((String) names.next()).length() > MAX_HEADER_NAME) {
                return refuse(400, "Header Name Too Long");
            }
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (from != null && from.getAddress().getURI() instanceof SipURI sip
                && sip.getHost() != null && sip.getHost().length() > MAX_FROM_DOMAIN) {
            return refuse(400, "From Domain Too Long");
        }
        if (from != null && userinfoLength(from.getAddress().getURI()) > MAX_USERINFO) {
            return refuse(400, "From User Too Long");
        }
        for (ListIterator<?> contacts = request.getHeaders(ContactHeader.NAME); contacts.hasNext();) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (contact.getAddress() != null && contact.getAddress().getURI().toString().length() > MAX_CONTACT_URI) {
                return refuse(400, "Contact URI Too Long");
            }
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type != null && (type.getContentType() + "/" + type.getContentSubType()).length() > MAX_BODY_TYPE) {
            return refuse(400, "Content Type Too Long");
        }
        for (String name : new String[] {"Supported", "Require", "Proxy-Require"}) {
            Optional<Refusal> options = checkOptionTags(request, name);
            if (options.isPresent()) {
                return options;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> checkOptionTags(Request request, String name) {
        // JAIN-SIP splits the list into one header per tag; count it as the line it was: tags joined by ", ".
        int total = -2;
        for (ListIterator<?> headers = request.getHeaders(name); headers.hasNext();) {
            String value = MessageImpl.valueOf((Header) headers.next());
            total += value.length() + 2;
            for (String tag : value.split(",")) {
                if (tag.trim().length() > MAX_OPTION_TAG) {
                    return refuse(400, "Option Tag Too Long");
                }
            }
        }
        return total > MAX_OPTION_HEADER ? refuse(400, name + " Too Long") : Optional.empty();
    }

    private static int userinfoLength(URI uri) {
        if (uri instanceof SipURI sip) {
            int user = sip.getUser() == null ? 0 : sip.getUser().length();
            int password = sip.getUserPassword() == null ? 0 : sip.getUserPassword().length() + 1;
            return user + password;
        }
        return 0;
    }

    private static Optional<Refusal> refuse(int status, String reason) {
        return Optional.of(new Refusal(status, reason));
    }
}
