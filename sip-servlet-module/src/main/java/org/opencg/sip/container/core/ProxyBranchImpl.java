package org.opencg.sip.container.core;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.sip.Proxy;
import javax.servlet.sip.ProxyBranch;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.URI;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.opencg.sip.container.message.Uris;

/**
 * One target of a {@link ProxyImpl}: a copy of the original request with the target as Request-URI, sent on its
 * own client transaction (RFC 3261 §16.6). Used only on its application session's queue.
 */
final class ProxyBranchImpl implements ProxyBranch {

    private static final Logger LOG = Logger.getLogger(ProxyBranchImpl.class.getName());
    /** Marks the Via branch of what a proxy forwards, so a 2xx retransmitted after its transaction ended is relayed. */
    static final String VIA_BRANCH_PREFIX = "z9hG4bK-ocgp-";
    /** RFC 3261 §9.1: a CANCEL without a final answer in 64*T1 ends the branch as if 408 had come. */
    private static final long CANCEL_GRACE_SECONDS = 32;

    enum State { NEW, STARTED, DONE, SKIPPED }

    private final ProxyImpl proxy;
    private final URI target;
    private final RequestImpl request;
    private final ProxyBranchImpl parent;
    private final List<ProxyBranchImpl> recursed = new ArrayList<>();
    private boolean recordRoute;
    private boolean recurse;
    private int timeoutSeconds;
    private Side outbound;
    private Side side;
    private State state = State.NEW;
    private boolean provisional;
    private boolean cancelWanted;
    private ResponseImpl response;
    private ScheduledFuture<?> timer;

    ProxyBranchImpl(ProxyImpl proxy, URI target, ProxyBranchImpl parent) {
        this.proxy = proxy;
        this.target = target.clone();
        this.parent = parent;
        this.recordRoute = proxy.getRecordRoute();
        this.recurse = proxy.getRecurse();
        this.timeoutSeconds = proxy.getProxyTimeout();
        ContainerContext context = proxy.context();
        Request copy = (Request) proxy.original().request().clone();
        copy.setRequestURI(Uris.unwrap(this.target));
        // RFC 3261 §16.4: a pre-loaded Route naming this proxy is consumed here, not followed back to ourselves.
        ProxyRoutes.popOurs(copy, context.sides());
        try {
            MaxForwardsHeader maxForwards = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
            if (maxForwards == null) {
                copy.setHeader(context.factories().headers().createMaxForwardsHeader(70)); // RFC 3261 §16.6 step 3
            } else {
                maxForwards.decrementMaxForwards();
            }
        } catch (InvalidArgumentException | SipException e) {
            throw new IllegalStateException("Max-Forwards exhausted", e);
        }
        this.request = new RequestImpl(context, copy, proxy.session(), null, null, false, true);
        this.request.branch = this;
    }

    ProxyImpl proxyImpl() {
        return proxy;
    }

    URI target() {
        return target;
    }

    ProxyBranchImpl parent() {
        return parent;
    }

    State state() {
        return state;
    }

    boolean isActive() {
        return state == State.STARTED;
    }

    /**
     * Sends the copy (RFC 3261 §16.6 steps 4-8): Record-Route when asked (two entries when the call crosses
     * sides or transports, RFC 5658), our Via, then a client transaction toward the target.
     */
    void start() {
        Request jain = request.request();
        ContainerContext context = proxy.context();
        side = outbound != null ? outbound
                : proxy.outbound() != null ? proxy.outbound() : context.sides().forRequest(jain, proxy.session().side());
        String transport = Sides.transportOf(jain);
        ViaHeader via = side.via(transport);
        try {
            via.setBranch(VIA_BRANCH_PREFIX + UUID.randomUUID());
            if (recordRoute) {
                Side inbound = proxy.session().side();
                String inboundTransport = proxy.original().getTransport();
                if (inbound != side || !inboundTransport.equalsIgnoreCase(transport)) {
                    jain.addFirst(ProxyRoutes.recordRoute(inbound, inboundTransport, proxy.applicationSessionId(),
                            proxy.recordRouteParameters()));
                }
                jain.addFirst(ProxyRoutes.recordRoute(side, transport, proxy.applicationSessionId(),
                        proxy.recordRouteParameters()));
            }
            jain.addFirst(via);
        } catch (ParseException | SipException e) {
            throw new IllegalStateException("cannot prepare the branch to " + target, e);
        }
        state = State.STARTED;
        request.commit();
        timer = schedule(timeoutSeconds);
        try {
            ClientTransaction transaction = side.provider().getNewClientTransaction(jain);
            request.session.bind(transaction, request);
            request.clientTransaction = transaction;
            transaction.sendRequest();
            context.metrics().sent(jain.getMethod());
        } catch (SipException | RuntimeException e) {
            // RFC 3261 §16.9: a transport error counts as a 503 from the target.
            LOG.log(Level.FINE, "branch to " + target + " could not be sent", e);
            proxy.received(this, synthesized(Response.SERVICE_UNAVAILABLE));
        }
    }

    private ScheduledFuture<?> schedule(long seconds) {
        return proxy.context().scheduler().schedule(
                () -> proxy.session().application().queue().execute(this::timedOut),
                seconds, TimeUnit.SECONDS);
    }

    /** A response the container makes on the branch's behalf (timeout, transport error), as if received. */
    ResponseImpl synthesized(int status) {
        try {
            Response jain = proxy.context().factories().messages().createResponse(status, request.request());
            return new ResponseImpl(proxy.context(), jain, proxy.session(), null, request, true);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A provisional response came: remembered, and a CANCEL held back until now goes out (RFC 3261 §9.1). */
    void provisional(ResponseImpl provisionalResponse) {
        response = provisionalResponse;
        provisional = true;
        if (cancelWanted) {
            sendCancel();
        }
    }

    /** A final response (or its stand-in) ends the branch. */
    void finished(ResponseImpl finalResponse) {
        response = finalResponse;
        state = State.DONE;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Stops the branch: never started if it was waiting, CANCEL if its INVITE is out (RFC 3261 §16.10). */
    void stop() {
        if (state == State.NEW) {
            state = State.SKIPPED;
        } else if (state == State.STARTED && Request.INVITE.equals(request.getMethod())) {
            if (provisional) {
                sendCancel();
            } else {
                cancelWanted = true;
            }
        }
    }

    /** The branch's time is up (JSR 289 proxy timeout, RFC 3261 §16.8 Timer C). */
    void timedOut() {
        if (state != State.STARTED) {
            return;
        }
        if (provisional) {
            sendCancel();
            timer = schedule(CANCEL_GRACE_SECONDS);
            provisional = false; // the next expiry ends the branch with a 408
        } else {
            proxy.received(this, synthesized(Response.REQUEST_TIMEOUT));
        }
    }

    private void sendCancel() {
        cancelWanted = false;
        try {
            Request cancel = request.clientTransaction.createCancel();
            side.provider().getNewClientTransaction(cancel).sendRequest();
            proxy.context().metrics().sent(Request.CANCEL);
        } catch (SipException | RuntimeException e) {
            LOG.log(Level.FINE, "could not cancel the branch to " + target, e);
        }
    }

    void addRecursed(ProxyBranchImpl child) {
        recursed.add(child);
    }

    // --- javax.servlet.sip.ProxyBranch ------------------------------------------------------------------------

    @Override
    public void cancel() {
        if (state == State.DONE) {
            throw new IllegalStateException("the branch to " + target + " already has a final response");
        }
        stop();
    }

    @Override
    public void cancel(String[] protocol, int[] reasonCode, String[] reasonText) {
        cancel();
    }

    @Override
    public boolean getAddToPath() {
        return false;
    }

    @Override
    public void setAddToPath(boolean addToPath) {
        if (addToPath) {
            throw Unsupported.method("ProxyBranch", "setAddToPath");
        }
    }

    @Override
    public SipURI getPathURI() {
        throw Unsupported.method("ProxyBranch", "getPathURI");
    }

    @Override
    public Proxy getProxy() {
        return proxy;
    }

    @Override
    public int getProxyBranchTimeout() {
        return timeoutSeconds;
    }

    @Override
    public void setProxyBranchTimeout(int seconds) {
        if (seconds <= 0 || seconds > proxy.getProxyTimeout()) {
            throw new IllegalArgumentException("a branch timeout is 1.." + proxy.getProxyTimeout() + " seconds");
        }
        timeoutSeconds = seconds;
    }

    @Override
    public boolean getRecordRoute() {
        return recordRoute;
    }

    @Override
    public void setRecordRoute(boolean recordRoute) {
        requireNotStarted();
        this.recordRoute = recordRoute;
    }

    @Override
    public SipURI getRecordRouteURI() {
        if (!recordRoute) {
            throw new IllegalStateException("the branch does not record-route");
        }
        return proxy.getRecordRouteURI();
    }

    @Override
    public boolean getRecurse() {
        return recurse;
    }

    @Override
    public void setRecurse(boolean recurse) {
        this.recurse = recurse;
    }

    @Override
    public List<ProxyBranch> getRecursedProxyBranches() {
        return List.copyOf(recursed);
    }

    @Override
    public SipServletRequest getRequest() {
        return request;
    }

    @Override
    public SipServletResponse getResponse() {
        return response;
    }

    @Override
    public boolean isStarted() {
        return state != State.NEW && state != State.SKIPPED;
    }

    @Override
    public void setOutboundInterface(InetAddress address) {
        outbound = proxy.context().sides().owning(address.getHostAddress(), -1);
    }

    @Override
    public void setOutboundInterface(InetSocketAddress address) {
        outbound = proxy.context().sides().owning(address.getAddress().getHostAddress(), address.getPort());
    }

    private void requireNotStarted() {
        if (isStarted()) {
            throw new IllegalStateException("the branch to " + target + " is already started");
        }
    }

    @Override
    public String toString() {
        return "ProxyBranch[" + target + " " + state + "]";
    }
}
