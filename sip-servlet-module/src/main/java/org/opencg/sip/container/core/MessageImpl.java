package org.opencg.sip.container.core;

import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;

import javax.servlet.sip.Address;
import javax.servlet.sip.Parameterable;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipSession;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderAddress;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;

import org.opencg.sip.container.message.AddressImpl;
import org.opencg.sip.container.message.ParameterableImpl;

/**
 * Common part of requests and responses: a JSR 289 view over one JAIN-SIP message. Headers are read and
 * written on the JAIN message itself; system headers are read-only (JSR 289 §4.1.2).
 */
abstract class MessageImpl implements SipServletMessage {

    final ContainerContext context;
    final Message message;
    final Endpoints endpoints;
    SipSessionImpl session;
    private final Attributes attributes = new Attributes();
    private volatile boolean committed;
    private HeaderForm headerForm = HeaderForm.DEFAULT;

    MessageImpl(ContainerContext context, Message message, SipSessionImpl session, Endpoints endpoints) {
        this.context = context;
        this.message = message;
        this.session = session;
        this.endpoints = endpoints;
    }

    final String type() {
        return this instanceof RequestImpl ? "SipServletRequest" : "SipServletResponse";
    }

    Message jain() {
        return message;
    }

    void commit() {
        committed = true;
    }

    void requireUncommitted() {
        if (committed) {
            throw new IllegalStateException("the message was already sent or answered (JSR 289 §5.5)");
        }
    }

    // --- headers ---------------------------------------------------------------------------------------------

    static String valueOf(Header header) {
        String text = header.toString();
        int colon = text.indexOf(':');
        return text.substring(colon + 1).trim();
    }

    @Override
    public String getHeader(String name) {
        Header header = message.getHeader(SystemHeaders.fullName(name));
        return header == null ? null : valueOf(header);
    }

    @Override
    public ListIterator<String> getHeaders(String name) {
        List<String> values = new ArrayList<>();
        message.getHeaders(SystemHeaders.fullName(name)).forEachRemaining(h -> values.add(valueOf((Header) h)));
        return Collections.unmodifiableList(values).listIterator();
    }

    @Override
    public Iterator<String> getHeaderNames() {
        Set<String> names = new LinkedHashSet<>();
        message.getHeaderNames().forEachRemaining(n -> names.add((String) n));
        return names.iterator();
    }

    Header createHeader(String name, String value) {
        try {
            return context.factories().headers().createHeader(SystemHeaders.fullName(name), value);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid " + name + " header value '" + value + "': " + e.getMessage(), e);
        }
    }

    /**
     * The header, or for a comma-separated value of a list header (RFC 3261 §7.3.1, e.g. {@code Allow: INVITE, BYE})
     * one header per element: JAIN-SIP's createHeader takes one element only.
     */
    @SuppressWarnings("unchecked")
    private List<Header> createHeaders(String name, String value) {
        try {
            return List.of(context.factories().headers().createHeader(SystemHeaders.fullName(name), value));
        } catch (ParseException single) {
            if (value.indexOf(',') < 0) {
                throw new IllegalArgumentException("invalid " + name + " header value '" + value + "': "
                        + single.getMessage(), single);
            }
            try {
                return context.factories().headers().createHeaders(SystemHeaders.fullName(name) + ": " + value);
            } catch (ParseException list) {
                throw new IllegalArgumentException("invalid " + name + " header value '" + value + "': "
                        + list.getMessage(), list);
            }
        }
    }

    @Override
    public void setHeader(String name, String value) {
        requireUncommitted();
        SystemHeaders.requireWritable(name);
        List<Header> headers = createHeaders(name, value);
        message.setHeader(headers.get(0));
        headers.subList(1, headers.size()).forEach(message::addHeader);
    }

    @Override
    public void addHeader(String name, String value) {
        requireUncommitted();
        SystemHeaders.requireWritable(name);
        createHeaders(name, value).forEach(message::addHeader);
    }

    @Override
    public void removeHeader(String name) {
        requireUncommitted();
        SystemHeaders.requireWritable(name);
        message.removeHeader(SystemHeaders.fullName(name));
    }

    @Override
    public Address getAddressHeader(String name) throws ServletParseException {
        String value = getHeader(name);
        return value == null ? null : AddressImpl.parse(context.factories().headers(), value);
    }

    @Override
    public ListIterator<Address> getAddressHeaders(String name) throws ServletParseException {
        List<Address> addresses = new ArrayList<>();
        for (ListIterator<String> values = getHeaders(name); values.hasNext();) {
            addresses.add(AddressImpl.parse(context.factories().headers(), values.next()));
        }
        return addresses.listIterator();
    }

    @Override
    public void setAddressHeader(String name, Address address) {
        setHeader(name, address.toString());
    }

    @Override
    public void addAddressHeader(String name, Address address, boolean first) {
        add(name, address.toString(), first);
    }

    private void add(String name, String value, boolean first) {
        requireUncommitted();
        SystemHeaders.requireWritable(name);
        Header header = createHeader(name, value);
        try {
            if (first) {
                message.addFirst(header);
            } else {
                message.addLast(header);
            }
        } catch (javax.sip.SipException e) {
            throw new IllegalArgumentException("cannot add " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Parameterable getParameterableHeader(String name) throws ServletParseException {
        String value = getHeader(name);
        return value == null ? null : ParameterableImpl.parse(value);
    }

    @Override
    public ListIterator<? extends Parameterable> getParameterableHeaders(String name) throws ServletParseException {
        List<Parameterable> values = new ArrayList<>();
        for (ListIterator<String> it = getHeaders(name); it.hasNext();) {
            values.add(ParameterableImpl.parse(it.next()));
        }
        return values.listIterator();
    }

    @Override
    public void setParameterableHeader(String name, Parameterable value) {
        setHeader(name, value.toString());
    }

    @Override
    public void addParameterableHeader(String name, Parameterable value, boolean first) {
        add(name, value.toString(), first);
    }

    @Override
    public HeaderForm getHeaderForm() {
        return headerForm;
    }

    @Override
    public void setHeaderForm(HeaderForm form) {
        // JAIN-SIP always writes full names; compact form is accepted on input only.
        headerForm = form;
    }

    @Override
    public Address getFrom() {
        FromHeader from = (FromHeader) message.getHeader(FromHeader.NAME);
        return AddressImpl.fromHeader(from.getAddress(), from);
    }

    @Override
    public Address getTo() {
        ToHeader to = (ToHeader) message.getHeader(ToHeader.NAME);
        return AddressImpl.fromHeader(((HeaderAddress) to).getAddress(), to);
    }

    @Override
    public String getCallId() {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public int getExpires() {
        ExpiresHeader expires = (ExpiresHeader) message.getHeader(ExpiresHeader.NAME);
        return expires == null ? -1 : expires.getExpires();
    }

    @Override
    public void setExpires(int seconds) {
        if (seconds < 0) {
            removeHeader(ExpiresHeader.NAME);
        } else {
            setHeader(ExpiresHeader.NAME, String.valueOf(seconds));
        }
    }

    // --- content ---------------------------------------------------------------------------------------------

    @Override
    public String getContentType() {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return type == null ? null : valueOf(type);
    }

    @Override
    public void setContentType(String type) {
        requireUncommitted();
        message.setHeader(createHeader(ContentTypeHeader.NAME, type));
    }

    @Override
    public int getContentLength() {
        byte[] raw = message.getRawContent();
        return raw == null ? 0 : raw.length;
    }

    @Override
    public void setContentLength(int length) {
        throw new IllegalStateException("the container sets Content-Length from the content");
    }

    @Override
    public byte[] getRawContent() {
        byte[] raw = message.getRawContent();
        return raw == null ? null : raw.clone();
    }

    /** Text types (text/*, application/sdp and other textual application types) as String, others as bytes. */
    @Override
    public Object getContent() throws UnsupportedEncodingException {
        byte[] raw = message.getRawContent();
        if (raw == null) {
            return null;
        }
        String type = getContentType();
        return isText(type) ? new String(raw, charset()) : raw.clone();
    }

    private static boolean isText(String type) {
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("text/") || lower.startsWith("application/sdp") || lower.startsWith("message/sipfrag")
                || lower.contains("+xml") || lower.startsWith("application/xml") || lower.startsWith("application/json");
    }

    private Charset charset() throws UnsupportedEncodingException {
        String encoding = getCharacterEncoding();
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedEncodingException(encoding);
        }
    }

    @Override
    public void setContent(Object content, String contentType) throws UnsupportedEncodingException {
        requireUncommitted();
        ContentTypeHeader type = (ContentTypeHeader) createHeader(ContentTypeHeader.NAME, contentType);
        byte[] bytes;
        if (content instanceof String text) {
            String charsetName = type.getParameter("charset");
            try {
                bytes = text.getBytes(charsetName == null ? StandardCharsets.UTF_8 : Charset.forName(charsetName));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(charsetName);
            }
        } else if (content instanceof byte[] raw) {
            bytes = raw;
        } else {
            throw new IllegalArgumentException("content must be a String or byte[], not " + content.getClass().getName());
        }
        try {
            message.setContent(bytes, type);
        } catch (ParseException e) {
            throw new IllegalArgumentException("content cannot be set: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCharacterEncoding() {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return type == null ? null : type.getParameter("charset");
    }

    @Override
    public void setCharacterEncoding(String encoding) {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (type == null) {
            throw new IllegalStateException("set a Content-Type before its charset");
        }
        try {
            Charset.forName(encoding);
            type.setParameter("charset", encoding);
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported character encoding " + encoding, e);
        }
    }

    @Override
    public Locale getContentLanguage() {
        String language = getHeader("Content-Language");
        return language == null ? null : Locale.forLanguageTag(language);
    }

    @Override
    public void setContentLanguage(Locale locale) {
        setHeader("Content-Language", locale.toLanguageTag());
    }

    @Override
    public Locale getAcceptLanguage() {
        Iterator<Locale> all = getAcceptLanguages();
        return all.hasNext() ? all.next() : null;
    }

    @Override
    public Iterator<Locale> getAcceptLanguages() {
        List<Locale> locales = new ArrayList<>();
        getHeaders("Accept-Language").forEachRemaining(v -> {
            for (String part : v.split(",")) {
                locales.add(Locale.forLanguageTag(part.split(";")[0].trim()));
            }
        });
        return locales.iterator();
    }

    @Override
    public void setAcceptLanguage(Locale locale) {
        setHeader("Accept-Language", locale.toLanguageTag());
    }

    @Override
    public void addAcceptLanguage(Locale locale) {
        addHeader("Accept-Language", locale.toLanguageTag());
    }

    // --- attributes, session, transport ------------------------------------------------------------------------

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.names());
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.set(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public SipSession getSession() {
        return session;
    }

    @Override
    public SipSession getSession(boolean create) {
        return session;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return session == null ? null : session.getApplicationSession();
    }

    @Override
    public SipApplicationSession getApplicationSession(boolean create) {
        return getApplicationSession();
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public String getProtocol() {
        return "SIP/2.0";
    }

    @Override
    public String getTransport() {
        return endpoints == null ? null : endpoints.transport();
    }

    @Override
    public String getInitialTransport() {
        return getTransport();
    }

    @Override
    public boolean isSecure() {
        return "TLS".equalsIgnoreCase(getTransport());
    }

    @Override
    public String getLocalAddr() {
        return endpoints == null ? null : endpoints.localAddress();
    }

    @Override
    public int getLocalPort() {
        return endpoints == null ? -1 : endpoints.localPort();
    }

    @Override
    public String getRemoteAddr() {
        return endpoints == null ? null : endpoints.remoteAddress();
    }

    @Override
    public int getRemotePort() {
        return endpoints == null ? -1 : endpoints.remotePort();
    }

    @Override
    public String getInitialRemoteAddr() {
        return getRemoteAddr();
    }

    @Override
    public int getInitialRemotePort() {
        return getRemotePort();
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public abstract MessageImpl clone();

    @Override
    public String toString() {
        return message.toString();
    }
}
