package org.opencg.sip.container.core;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.sip.Address;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.UAMode;
import javax.servlet.sip.URI;
import javax.servlet.sip.ar.SipApplicationRoutingRegion;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;


/**
 * One leg of a call: a SIP dialog (or the attempt at one) and the state JSR 289 §6.2.1 gives it. The dialog's
 * route set, CSeq and remote target live in the JAIN-SIP {@link Dialog}; this class adds the JSR 289 state,
 * the link to the other leg and the messages still waiting for an answer.
 */
final class SipSessionImpl implements SipSession {

    private static final java.util.Set<String> DIALOG_CREATING = java.util.Set.of(Request.INVITE, Request.SUBSCRIBE,
            Request.REFER);
    /** Requests whose 1xx/2xx carry the answerer's Contact: dialog-creating and target refresh (RFC 3261 §12.1.1, §12.2). */
    private static final java.util.Set<String> CONTACT_IN_ANSWER = java.util.Set.of(Request.INVITE, Request.SUBSCRIBE,
            Request.REFER, Request.UPDATE, Request.NOTIFY);

    private final ContainerContext context;
    private final AppSessionImpl application;
    private final String id = UUID.randomUUID().toString();
    private final long created = System.currentTimeMillis();
    private final Attributes attributes = new Attributes();
    /** Received requests not yet finally answered, and received responses not yet acknowledged (JSR 289 §12.2). */
    private final List<SipServletMessage> pendingUas = new CopyOnWriteArrayList<>();
    private final List<SipServletMessage> pendingUac = new CopyOnWriteArrayList<>();
    /** Requests this session sent that have no final response yet: the session is not done while any is out. */
    private final java.util.Set<RequestImpl> outstanding = ConcurrentHashMap.newKeySet();
    /** The JAIN-SIP transactions whose application data is one of this session's requests; see {@link #bind}. */
    private final java.util.Queue<javax.sip.Transaction> transactions = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long lastAccessed = created;
    private volatile State state = State.INITIAL;
    private volatile boolean valid = true;
    private volatile boolean invalidateWhenReady = true;
    private volatile String handler;
    private volatile Side side;
    /** The host the application wants in this session's Contact instead of the listening point's address. */
    private volatile String contactHost;
    private volatile Dialog dialog;
    private volatile String localTag;
    private volatile RequestImpl initialRequest;
    volatile SipSessionImpl linked;
    /** Set when the application proxies the initial request: the session then forwards instead of answering. */
    private volatile ProxyImpl proxy;
    /** The session whose dialog this session's initial INVITE replaces (RFC 3891), or null. */
    private volatile SipSessionImpl replaced;

    SipSessionImpl(ContainerContext context, AppSessionImpl application, String handler, Side side) {
        this.context = context;
        this.application = application;
        this.handler = handler;
        this.side = side;
    }

    String handler() {
        return handler;
    }

    Side side() {
        return side;
    }

    ContainerContext context() {
        return context;
    }

    void side(Side chosen) {
        side = chosen;
    }

    void contactHost(String host) {
        contactHost = host;
    }

    String contactHost() {
        return contactHost;
    }

    ProxyImpl proxy() {
        return proxy;
    }

    /** JSR 289 §10: the session becomes a proxy's; it never gets a dialog of its own, since it is not a UA. */
    ProxyImpl proxy(RequestImpl original) {
        if (proxy == null) {
            proxy = new ProxyImpl(context, original);
        }
        return proxy;
    }

    /** The JAIN-SIP dialog of this session, or null before it has one. */
    Dialog dialog() {
        return dialog;
    }

    /** This session's initial INVITE replaces the dialog of {@code session} (RFC 3891). */
    void replaces(SipSessionImpl session) {
        replaced = session;
    }

    SipSessionImpl replaced() {
        return replaced;
    }

    RequestImpl initialRequest() {
        return initialRequest;
    }

    void touch() {
        lastAccessed = System.currentTimeMillis();
        application.touch();
    }

    synchronized String localTag() {
        if (localTag == null) {
            localTag = Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 10);
        }
        return localTag;
    }

    // --- messages received --------------------------------------------------------------------------------------

    /** A request arrived for this session; the dispatcher created its server transaction. */
    void received(RequestImpl request) {
        touch();
        if (request.isInitial()) {
            initialRequest = request;
        }
        if (!Request.ACK.equals(request.getMethod())) {
            pendingUas.add(request);
        } else {
            pendingUac.removeIf(m -> m instanceof ResponseImpl r && r.getStatus() >= 200
                    && Request.INVITE.equals(r.getMethod()));
        }
    }

    /** A response arrived for a request this session sent. */
    void received(ResponseImpl response) {
        touch();
        int status = response.getStatus();
        RequestImpl request = response.request();
        String method = response.getMethod();
        if (status >= 200) {
            request.answered = true;
            outstanding.remove(request);
        }
        boolean toTagged = ((ToHeader) response.jain().getHeader(ToHeader.NAME)).getTag() != null;
        advance(method, request == initialRequest, status, toTagged);
        if (Request.INVITE.equals(method) && status >= 200 && status < 300
                || status > 100 && status < 200 && response.getHeader("RSeq") != null) {
            pendingUac.add(response);
        }
    }

    // --- messages sent -----------------------------------------------------------------------------------------

    /** Sends a request the application built: initial ones on a new transaction, others inside the dialog. */
    void send(RequestImpl request) throws SipException {
        touch();
        Request jain = request.request();
        String method = jain.getMethod();
        if (Request.ACK.equals(method)) {
            dialog.sendAck(jain);
            pendingUac.removeIf(m -> m instanceof ResponseImpl r && Request.INVITE.equals(r.getMethod())
                    && r.getStatus() >= 200);
            return;
        }
        if (Request.CANCEL.equals(method)) {
            ClientTransaction cancel = side.provider().getNewClientTransaction(jain);
            bind(cancel, request);
            request.clientTransaction = cancel;
            outstanding.add(request);
            cancel.sendRequest();
            return;
        }
        if (Request.PRACK.equals(method)) {
            pendingUac.removeIf(m -> m instanceof ResponseImpl r && r.getStatus() < 200);
        }
        if (dialog != null && !request.isInitial()) {
            ClientTransaction transaction = side.provider().getNewClientTransaction(jain);
            bind(transaction, request);
            request.clientTransaction = transaction;
            outstanding.add(request);
            dialog.sendRequest(transaction);
            if (Request.BYE.equals(method)) {
                state = State.TERMINATED;
            }
            return;
        }
        side = context.sides().forRequest(jain, side);
        String transport = Sides.transportOf(jain);
        jain.setHeader(side.via(transport));
        boolean named = contactHost != null && Request.OPTIONS.equals(method);
        if ((DIALOG_CREATING.contains(method) || named) && jain.getHeader(ContactHeader.NAME) == null) {
            jain.setHeader(side.contact(transport, userOf((FromHeader) jain.getHeader(FromHeader.NAME)), contactHost));
        }
        ClientTransaction transaction = side.provider().getNewClientTransaction(jain);
        bind(transaction, request);
        request.clientTransaction = transaction;
        initialRequest = request;
        outstanding.add(request);
        if (DIALOG_CREATING.contains(method)) {
            dialog = side.provider().getNewDialog(transaction);
            dialog.setApplicationData(this);
        }
        transaction.sendRequest();
    }

    private static String userOf(FromHeader from) {
        return from.getAddress().getURI() instanceof SipURI sip ? sip.getUser() : null;
    }

    /** Sends a response the application made for a received request. */
    void respond(ResponseImpl response, boolean reliably) throws SipException, InvalidArgumentException {
        touch();
        RequestImpl request = response.request();
        Response jain = response.response();
        int status = jain.getStatusCode();
        String method = request.getMethod();
        boolean dialogCreating = DIALOG_CREATING.contains(method) && request.isInitial();
        if (CONTACT_IN_ANSWER.contains(method) && status > 100 && status < 300 && jain.getHeader(ContactHeader.NAME) == null) {
            ToHeader to = (ToHeader) jain.getHeader(ToHeader.NAME);
            String user = to.getAddress().getURI() instanceof SipURI sip ? sip.getUser() : null;
            jain.setHeader(side.contact(request.getTransport(), user, contactHost));
        }
        ServerTransaction transaction = request.serverTransaction;
        if (dialog == null && dialogCreating && status > 100 && status < 300) {
            // The dialog is made with the first response that creates it, not on arrival: until then the
            // application may still proxy the request, and a proxy must not hold a UA's dialog.
            dialog = side.provider().getNewDialog(transaction);
            dialog.setApplicationData(this);
        }
        try {
            if (reliably) {
                dialog.sendReliableProvisionalResponse(jain);
            } else {
                transaction.sendResponse(jain);
            }
        } catch (SipException | RuntimeException e) {
            if (status >= 200) {
                // The transaction cannot carry a final answer (e.g. the Via cannot be reached): it is over all
                // the same, so the session must not wait for it forever.
                request.answered = true;
                pendingUas.remove(request);
                if (dialogCreating && state != State.CONFIRMED) {
                    state = State.TERMINATED;
                }
            }
            throw e;
        }
        if (status >= 200) {
            request.answered = true;
            pendingUas.remove(request);
        }
        advance(method, request.isInitial(), status, true);
    }

    /** A response the proxy passed upstream for a request of this session (JSR 289 §6.2.1 holds for proxies). */
    void proxied(RequestImpl request, ResponseImpl response, int status, boolean toTagged) {
        touch();
        if (status >= 200) {
            request.answered = true;
            pendingUas.remove(request);
        }
        advance(request.getMethod(), request.isInitial(), status, toTagged);
    }

    /**
     * JSR 289 §6.2.1: a response to the dialog-creating request moves the session to EARLY (1xx that makes an
     * early dialog), CONFIRMED (2xx) or TERMINATED (3xx-6xx before confirmation); a final response to BYE ends it.
     */
    private void advance(String method, boolean ofInitial, int status, boolean makesEarlyDialog) {
        if (ofInitial && DIALOG_CREATING.contains(method)) {
            if (status > 100 && status < 200 && state == State.INITIAL && makesEarlyDialog) {
                state = State.EARLY;
            } else if (status >= 200 && status < 300) {
                state = State.CONFIRMED;
            } else if (status >= 300 && state != State.CONFIRMED) {
                state = State.TERMINATED;
            }
        } else if (Request.BYE.equals(method) && status >= 200) {
            state = State.TERMINATED;
        }
    }

    RequestImpl createAck(ResponseImpl response) {
        long cseq = ((CSeqHeader) response.jain().getHeader(CSeqHeader.NAME)).getSeqNumber();
        try {
            return new RequestImpl(context, dialog.createAck(cseq), this, null, null, false, false);
        } catch (SipException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot create ACK: " + e.getMessage(), e);
        }
    }

    RequestImpl createPrack(ResponseImpl response) {
        try {
            return new RequestImpl(context, dialog.createPrack(response.response()), this, null, null, false, false);
        } catch (SipException e) {
            throw new IllegalStateException("cannot create PRACK: " + e.getMessage(), e);
        }
    }

    List<SipServletMessage> pending(UAMode mode) {
        return List.copyOf(mode == UAMode.UAS ? pendingUas : pendingUac);
    }

    // --- javax.servlet.sip.SipSession ---------------------------------------------------------------------------

    @Override
    public SipServletRequest createRequest(String method) {
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
            throw new IllegalArgumentException(method + " is created from the response or request it belongs to");
        }
        if (!valid) {
            throw new IllegalStateException("the session is invalidated");
        }
        if (dialog == null || state == State.TERMINATED && !Request.BYE.equals(method)) {
            throw new IllegalStateException("no dialog to send " + method + " in (state " + state + ")");
        }
        try {
            Request request = dialog.createRequest(method);
            return new RequestImpl(context, request, this, null, null, false, false);
        } catch (SipException e) {
            throw new IllegalStateException("cannot create " + method + " in the dialog: " + e.getMessage(), e);
        }
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return application;
    }

    AppSessionImpl application() {
        return application;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getCallId() {
        if (dialog != null) {
            return dialog.getCallId().getCallId();
        }
        return initialRequest == null ? null : initialRequest.getCallId();
    }

    @Override
    public long getCreationTime() {
        return created;
    }

    @Override
    public long getLastAccessedTime() {
        return lastAccessed;
    }

    @Override
    public Address getLocalParty() {
        if (initialRequest == null) {
            return null;
        }
        return initialRequest.incoming() ? initialRequest.getTo() : initialRequest.getFrom();
    }

    @Override
    public Address getRemoteParty() {
        if (initialRequest == null) {
            return null;
        }
        return initialRequest.incoming() ? initialRequest.getFrom() : initialRequest.getTo();
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public Object getAttribute(String name) {
        requireValid();
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        requireValid();
        return Collections.enumeration(attributes.names());
    }

    @Override
    public void setAttribute(String name, Object value) {
        requireValid();
        attributes.set(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        requireValid();
        attributes.remove(name);
    }

    private void requireValid() {
        if (!valid) {
            throw new IllegalStateException("the SIP session " + id + " is invalidated");
        }
    }

    /**
     * Makes the request the transaction's application data. JAIN-SIP keeps an ended transaction for its Timer J or
     * K (RFC 3261 §17.2.2: 32 s for a BYE received over UDP) and an ended dialog as long as a transaction names it;
     * through this data they would hold the whole call (sessions, attributes, messages) that long. Invalidation
     * unbinds them all, which keeps a busy gateway's heap to the calls in progress; {@link #unbind} lets each go
     * earlier, when the stack removes it.
     */
    void bind(javax.sip.Transaction transaction, RequestImpl request) {
        transaction.setApplicationData(request);
        transactions.add(transaction);
    }

    /**
     * JAIN-SIP has removed the transaction: the session lets go of it and its request then rather than when the call
     * ends, so that a call of minutes does not keep every request it carried (an INFO per DTMF digit, each session
     * refresh) for as long as it lasts.
     */
    void unbind(javax.sip.Transaction transaction) {
        transaction.setApplicationData(null);
        transactions.remove(transaction);
    }

    @Override
    public void invalidate() {
        requireValid();
        valid = false;
        for (javax.sip.Transaction transaction : transactions) {
            transaction.setApplicationData(null);
            Linger.end(transaction);
        }
        transactions.clear();
        if (linked != null) {
            linked.linked = null;
            linked = null;
        }
        if (dialog != null) {
            dialog.setApplicationData(null);
            // A dialog ended by BYE is already terminated; deleting it again would only schedule a second linger.
            if (dialog.getState() != DialogState.TERMINATED) {
                dialog.delete();
            }
            AckGuard.cancel(dialog);
            Linger.end(dialog);
        }
        application.removed(this);
        application.application().listeners().sipSessionDestroyed(this);
        context.metrics().sipSessionEnded();
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public boolean getInvalidateWhenReady() {
        return invalidateWhenReady;
    }

    @Override
    public void setInvalidateWhenReady(boolean invalidateWhenReady) {
        this.invalidateWhenReady = invalidateWhenReady;
    }

    /**
     * JSR 289 §6.2.4.1.2: ready when the dialog is over (or never began) and nothing waits for an answer; a proxy
     * that record-routes an INVITE stays until the dialog ends.
     */
    @Override
    public boolean isReadyToInvalidate() {
        if (proxy != null) {
            boolean inDialog = proxy.getRecordRoute() && DIALOG_CREATING.contains(initialRequest.getMethod())
                    && state != State.TERMINATED;
            return valid && proxy.isDone() && !inDialog && pendingUas.isEmpty();
        }
        boolean over = state == State.TERMINATED || state == State.INITIAL && dialog == null
                && (initialRequest == null || initialRequest.answered);
        return valid && over && pendingUas.isEmpty() && outstanding.isEmpty();
    }

    @Override
    public void setHandler(String name) throws ServletException {
        if (!application.application().has(name)) {
            throw new ServletException("no SIP servlet named " + name);
        }
        handler = name;
    }

    @Override
    public ServletContext getServletContext() {
        return application.application().servletContext();
    }

    @Override
    public void setOutboundInterface(InetSocketAddress address) {
        side = context.sides().owning(address.getAddress().getHostAddress(), address.getPort());
    }

    @Override
    public void setOutboundInterface(InetAddress address) {
        side = context.sides().owning(address.getHostAddress(), -1);
    }


    @Override
    public SipApplicationRoutingRegion getRegion() {
        throw Unsupported.method("SipSession", "getRegion");
    }

    @Override
    public URI getSubscriberURI() {
        throw Unsupported.method("SipSession", "getSubscriberURI");
    }

    @Override
    public String toString() {
        return "SipSession[" + id + " " + state + (side == null ? "" : " on " + side.name()) + "]";
    }


}
