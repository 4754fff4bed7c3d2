package org.opencg.sip.container.core;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.RequestDispatcher;
import javax.servlet.ServletContext;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.sip.Address;
import javax.servlet.sip.AuthInfo;
import javax.servlet.sip.B2buaHelper;
import javax.servlet.sip.Proxy;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.URI;
import javax.servlet.sip.ar.SipApplicationRoutingDirective;
import javax.servlet.sip.ar.SipApplicationRoutingRegion;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.opencg.sip.container.message.AddressImpl;
import org.opencg.sip.container.message.Uris;

/**
 * A SIP request as servlets see it. Received requests carry their server transaction and are answered with
 * {@link #createResponse}; requests the application creates are sent with {@link #send} on a client transaction.
 */
final class RequestImpl extends MessageImpl implements SipServletRequest {

    private final boolean incoming;
    private final boolean initial;
    final ServerTransaction serverTransaction;
    ClientTransaction clientTransaction;
    /**
     * A final response was sent for this received request, or received for this sent one. Only the fact is kept, not
     * the response: an initial request lives as long as its call, and the parsed 200 with its SDP would live as long.
     */
    volatile boolean answered;
    /** B2BUA: the request on the other leg this one was made from or into (JSR 289 §12.2). */
    volatile RequestImpl linked;
    /** Proxy: the branch this copy of the original request was sent on. */
    ProxyBranchImpl branch;
    /** Proxy: the received request of the dialog this one forwards downstream. */
    RequestImpl forwardOf;
    /** Proxy: our Route entry the request arrived with (JSR 289 §10 getPoppedRoute). */
    Address poppedRoute;

    RequestImpl(ContainerContext context, Request request, SipSessionImpl session, Endpoints endpoints,
            ServerTransaction serverTransaction, boolean incoming, boolean initial) {
        super(context, request, session, endpoints);
        this.serverTransaction = serverTransaction;
        this.incoming = incoming;
        this.initial = initial;
    }

    Request request() {
        return (Request) message;
    }

    boolean incoming() {
        return incoming;
    }

    /** JSR 289 §5.5: a received request is committed once finally answered, a sent one once sent. */
    @Override
    public boolean isCommitted() {
        return incoming ? answered : super.isCommitted();
    }

    @Override
    public String getMethod() {
        return request().getMethod();
    }

    /** True when the request lists the option tag in Supported or Require (RFC 3262 §3 for 100rel). */
    boolean supports(String optionTag) {
        for (String header : new String[] {"Supported", "Require"}) {
            for (java.util.ListIterator<String> values = getHeaders(header); values.hasNext();) {
                for (String tag : values.next().split(",")) {
                    if (tag.trim().equalsIgnoreCase(optionTag)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public boolean isInitial() {
        return initial;
    }

    @Override
    public URI getRequestURI() {
        return Uris.wrap(request().getRequestURI());
    }

    @Override
    public void setRequestURI(URI uri) {
        requireUncommitted();
        request().setRequestURI(Uris.unwrap(uri.clone()));
    }

    @Override
    public void pushRoute(SipURI uri) {
        pushRoute(AddressImpl.of(uri, null));
    }

    @Override
    public void pushRoute(Address address) {
        requireUncommitted();
        RouteHeader route = context.factories().headers().createRouteHeader(((AddressImpl) address.clone()).jainAddress());
        try {
            request().addFirst(route);
        } catch (SipException e) {
            throw new IllegalArgumentException("cannot push Route " + address + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void pushPath(Address address) {
        throw Unsupported.method(type(), "pushPath");
    }

    @Override
    public int getMaxForwards() {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request().getHeader(MaxForwardsHeader.NAME);
        return maxForwards == null ? -1 : maxForwards.getMaxForwards();
    }

    @Override
    public void setMaxForwards(int value) {
        requireUncommitted();
        try {
            request().setHeader(context.factories().headers().createMaxForwardsHeader(value));
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException("Max-Forwards must be 0..255", e);
        }
    }

    // --- answering a received request -------------------------------------------------------------------------

    @Override
    public SipServletResponse createResponse(int status) {
        return createResponse(status, null);
    }

    @Override
    public SipServletResponse createResponse(int status, String reason) {
        if (!incoming) {
            throw new IllegalStateException("responses are created for received requests only");
        }
        if (Request.ACK.equals(getMethod()) || Request.CANCEL.equals(getMethod()) && status != 200) {
            throw new IllegalStateException(getMethod() + " is not answered by the application (RFC 3261 §9.2, §17.1.1.3)");
        }
        if (answered) {
            throw new IllegalStateException("a final response was already sent for this request");
        }
        if (session.proxy() != null && status >= 200) {
            throw new IllegalStateException("the request is proxied: its final response comes from a branch");
        }
        try {
            Response response = context.factories().messages().createResponse(status, request());
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            // RFC 3261 §8.2.6.2: the UAS adds a To-tag, the same for every response of the dialog.
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null && status > 100) {
                to.setTag(session.localTag());
            }
            return new ResponseImpl(context, response, session, endpoints, this, false);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot create a " + status + " response: " + e.getMessage(), e);
        }
    }

    // --- sending a request the application made ---------------------------------------------------------------

    @Override
    public void send() throws IOException {
        if (incoming || branch != null) {
            throw new IllegalStateException(incoming ? "a received request cannot be sent; proxy it or create a new one"
                    : "a proxy branch's request is sent by Proxy.startProxy");
        }
        requireUncommitted();
        try {
            session.send(this);
        } catch (SipException e) {
            throw new IOException("cannot send " + getMethod() + ": " + e.getMessage(), e);
        }
        commit();
        context.metrics().sent(getMethod());
    }

    @Override
    public SipServletRequest createCancel() {
        if (incoming || !Request.INVITE.equals(getMethod()) || clientTransaction == null) {
            throw new IllegalStateException("CANCEL is created for a sent INVITE only");
        }
        if (answered) {
            throw new IllegalStateException("the INVITE already has a final response");
        }
        try {
            Request cancel = clientTransaction.createCancel();
            return new RequestImpl(context, cancel, session, null, null, false, false);
        } catch (SipException e) {
            throw new IllegalStateException("cannot create CANCEL: " + e.getMessage(), e);
        }
    }

    /** JSR 289 §12: a call is either proxied or bridged, never both. */
    @Override
    public B2buaHelper getB2buaHelper() {
        if (session.proxy() != null) {
            throw new IllegalStateException("the call is proxied; a B2BUA helper is not available");
        }
        return context.b2buaHelper();
    }

    @Override
    public Proxy getProxy() {
        return getProxy(true);
    }

    /** JSR 289 §10: the proxy of a received initial request; requests of a proxied dialog return it too. */
    @Override
    public Proxy getProxy(boolean create) {
        if (session.proxy() != null || !create) {
            return session.proxy();
        }
        if (!incoming || !initial || Request.ACK.equals(getMethod()) || Request.CANCEL.equals(getMethod())) {
            throw new IllegalStateException("only a received initial request can be proxied");
        }
        if (answered) {
            throw new IllegalStateException("the request is already answered");
        }
        if (session.linked != null) {
            throw new IllegalStateException("the call is bridged by the B2BUA helper; it cannot be proxied");
        }
        return session.proxy(this);
    }

    @Override
    public Address getPoppedRoute() {
        return poppedRoute;
    }

    @Override
    public Address getInitialPoppedRoute() {
        return poppedRoute;
    }

    @Override
    public SipApplicationRoutingRegion getRegion() {
        throw Unsupported.method(type(), "getRegion");
    }

    @Override
    public URI getSubscriberURI() {
        throw Unsupported.method(type(), "getSubscriberURI");
    }

    @Override
    public SipApplicationRoutingDirective getRoutingDirective() {
        throw Unsupported.method(type(), "getRoutingDirective");
    }

    @Override
    public void setRoutingDirective(SipApplicationRoutingDirective directive, SipServletRequest origRequest) {
        throw Unsupported.method(type(), "setRoutingDirective");
    }

    @Override
    public void addAuthHeader(SipServletResponse challenge, AuthInfo authInfo) {
        throw Unsupported.method(type(), "addAuthHeader");
    }

    @Override
    public void addAuthHeader(SipServletResponse challenge, String username, String password) {
        throw Unsupported.method(type(), "addAuthHeader");
    }

    // --- javax.servlet.ServletRequest --------------------------------------------------------------------------

    @Override
    public ServletInputStream getInputStream() {
        return null;
    }

    @Override
    public BufferedReader getReader() {
        byte[] raw = request().getRawContent();
        return raw == null ? null
                : new BufferedReader(new InputStreamReader(new ByteArrayInputStream(raw), StandardCharsets.UTF_8));
    }

    @Override
    public long getContentLengthLong() {
        return getContentLength();
    }

    @Override
    public String getParameter(String name) {
        return getRequestURI().getParameter(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        List<String> names = new ArrayList<>();
        getRequestURI().getParameterNames().forEachRemaining(names::add);
        return Collections.enumeration(names);
    }

    @Override
    public String[] getParameterValues(String name) {
        String value = getParameter(name);
        return value == null ? null : new String[] {value};
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>();
        getRequestURI().getParameterNames().forEachRemaining(n -> map.put(n, getParameterValues(n)));
        return map;
    }

    @Override
    public String getScheme() {
        return getRequestURI().getScheme();
    }

    @Override
    public String getServerName() {
        return getLocalAddr();
    }

    @Override
    public int getServerPort() {
        return getLocalPort();
    }

    @Override
    public String getRemoteHost() {
        return getRemoteAddr();
    }

    @Override
    public String getLocalName() {
        return getLocalAddr();
    }

    @Override
    public Locale getLocale() {
        Locale locale = getAcceptLanguage();
        return locale == null ? Locale.getDefault() : locale;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        List<Locale> locales = new ArrayList<>();
        getAcceptLanguages().forEachRemaining(locales::add);
        return Collections.enumeration(locales);
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw Unsupported.method(type(), "getRequestDispatcher");
    }

    @Override
    @SuppressWarnings("deprecation")
    public String getRealPath(String path) {
        return null;
    }

    @Override
    public ServletContext getServletContext() {
        return session.application().application().servletContext();
    }

    @Override
    public AsyncContext startAsync() {
        throw Unsupported.method(type(), "startAsync");
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        throw Unsupported.method(type(), "startAsync");
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw new IllegalStateException("SIP requests have no async context");
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public RequestImpl clone() {
        return new RequestImpl(context, (Request) request().clone(), session, endpoints, null, false, initial);
    }
}
