package org.opencg.sip.container.core;

import static org.opencg.sip.container.core.ServletInvoker.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.sip.ProxyBranch;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.URI;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.ContactHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.opencg.sip.container.message.SipUriImpl;
import org.opencg.sip.container.message.Uris;

/**
 * A stateful forking proxy for one received initial request (JSR 289 §10, RFC 3261 §16): branches in parallel
 * or one after another, the best final response (§16.7), CANCEL of the other branches once one answers 2xx or
 * when the caller cancels, recursion on 3xx, and, with record-route, the requests of the dialog that follow.
 * Everything runs on the application session's queue, so no field needs a lock.
 */
final class ProxyImpl implements javax.servlet.sip.Proxy {

    private static final Logger LOG = Logger.getLogger(ProxyImpl.class.getName());
    /** RFC 3261 §16.8: Timer C is more than three minutes. */
    private static final int DEFAULT_TIMEOUT_SECONDS = 181;
    /** Parameters of our Record-Route URI the container owns; the application's own are carried besides them. */
    private static final Set<String> OWN_PARAMETERS = Set.of("lr", "transport", ProxyRoutes.SESSION_PARAMETER);

    private final ContainerContext context;
    private final RequestImpl original;
    private final SipSessionImpl session;
    private final List<ProxyBranchImpl> branches = new ArrayList<>();
    /** Requests of the dialog forwarded downstream and not yet finally answered. */
    private final List<RequestImpl> forwarded = new ArrayList<>();
    private boolean recordRoute;
    private boolean parallel = true;
    private boolean recurse = true;
    private boolean supervised = true;
    private boolean noCancel;
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private Side outbound;
    private SipUriImpl recordRouteUri;
    /** No further branch starts: the caller cancelled, the application cancelled, or a 6xx came. */
    private boolean stopped;
    /** The original request has its final response (a 2xx or the best one). */
    private boolean answered;
    private ResponseImpl best;

    ProxyImpl(ContainerContext context, RequestImpl original) {
        this.context = context;
        this.original = original;
        this.session = original.session;
    }

    ContainerContext context() {
        return context;
    }

    RequestImpl original() {
        return original;
    }

    SipSessionImpl session() {
        return session;
    }

    String applicationSessionId() {
        return session.application().getId();
    }

    Map<String, String> recordRouteParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (recordRouteUri != null) {
            for (Iterator<String> names = recordRouteUri.getParameterNames(); names.hasNext();) {
                String name = names.next();
                if (!OWN_PARAMETERS.contains(name)) {
                    parameters.put(name, recordRouteUri.getParameter(name));
                }
            }
        }
        return parameters;
    }

    private boolean hasActive() {
        return branches.stream().anyMatch(ProxyBranchImpl::isActive);
    }

    private boolean hasWaiting() {
        return branches.stream().anyMatch(b -> b.state() == ProxyBranchImpl.State.NEW);
    }

    /** JSR 289 §6.2.4.1.2 for a proxy: the original is answered and no branch or forwarded request is out. */
    boolean isDone() {
        return answered && !hasActive() && forwarded.isEmpty();
    }

    // --- responses on branches (RFC 3261 §16.7) ----------------------------------------------------------------

    void received(ProxyBranchImpl branch, ResponseImpl response) {
        int status = response.getStatus();
        if (branch.state() != ProxyBranchImpl.State.STARTED) {
            if (status >= 200 && status < 300 && Request.INVITE.equals(response.getMethod())) {
                forward(response, original); // a late 2xx is always passed on (§16.7 step 5)
            }
            return;
        }
        if (status < 200) {
            branch.provisional(response);
            if (status > 100 && !answered && !stopped) {
                // §16.7 step 5: provisional responses other than 100 go upstream at once (not once the search
                // is over: the caller cancelled or another branch ended it).
                if (supervised) {
                    serve(session, response);
                }
                forward(response, original);
            }
            return;
        }
        branch.finished(response);
        if (status < 300) {
            if (!noCancel) {
                stopOthers(branch);
            }
            if (supervised) {
                serve(session, response);
            }
            forward(response, original);
            return;
        }
        if (answered) {
            return; // the call was answered on another branch; this one was cancelled
        }
        if (status < 400 && branch.getRecurse() && recurse(branch, response)) {
            next();
            return;
        }
        if (status >= 600 && !noCancel) {
            stopOthers(branch); // §16.7 step 5: a 6xx ends the search
        }
        if (best == null || BestResponse.isBetter(status, best.getStatus())) {
            best = response;
        }
        if (supervised && (hasActive() || hasWaiting() && !stopped)) {
            // JSR 289 §10: a final response that is not (yet) the best goes to doBranchResponse.
            response.branchResponse = true;
            serve(session, response);
            response.branchResponse = false; // if it is chosen as the best later, it goes to doResponse
        }
        next();
    }

    /** Starts the next branch in a sequential search, and answers upstream when nothing is left to try. */
    private void next() {
        if (answered) {
            return;
        }
        if (!parallel && !stopped && !hasActive()) {
            branches.stream().filter(b -> b.state() == ProxyBranchImpl.State.NEW).findFirst()
                    .ifPresent(ProxyBranchImpl::start);
        }
        if (!answered && !hasActive() && (stopped || !hasWaiting())) {
            finish();
        }
    }

    /** §16.7 step 6: the best response goes to the application, which may still proxy further, then upstream. */
    private void finish() {
        if (best == null) {
            answer(stopped ? Response.REQUEST_TERMINATED : Response.REQUEST_TIMEOUT);
            return;
        }
        if (supervised) {
            serve(session, best);
            if (answered || hasActive()) {
                return; // the application proxied to new targets from doResponse
            }
        }
        forward(best, original);
    }

    /** 3xx with Contacts and recursion on: the contacts become new branches of this one (§16.7 step 4). */
    private boolean recurse(ProxyBranchImpl branch, ResponseImpl response) {
        List<URI> targets = new ArrayList<>();
        for (Iterator<?> contacts = response.jain().getHeaders(ContactHeader.NAME); contacts.hasNext();) {
            javax.sip.address.URI uri = ((ContactHeader) contacts.next()).getAddress().getURI();
            if (uri.isSipURI() && branches.stream().noneMatch(b -> b.target().toString().equals(uri.toString()))) {
                targets.add(Uris.wrap(uri));
            }
        }
        for (URI target : targets) {
            ProxyBranchImpl child = new ProxyBranchImpl(this, target, branch);
            branch.addRecursed(child);
            branches.add(child);
            if (parallel && !stopped) {
                child.start();
            }
        }
        return !targets.isEmpty();
    }

    private void stopOthers(ProxyBranchImpl except) {
        stopped = true;
        for (ProxyBranchImpl branch : List.copyOf(branches)) {
            if (branch != except) {
                branch.stop();
            }
        }
    }

    /**
     * Passes a response upstream (§16.7 step 9): our Via removed, a 503 as 500; the first final one on the
     * server transaction, a further 2xx of a forked INVITE statelessly, since that transaction is over.
     */
    private void forward(ResponseImpl response, RequestImpl upstream) {
        Response jain = (Response) response.response().clone();
        jain.removeFirst(ViaHeader.NAME);
        int status = BestResponse.forwardedStatus(jain.getStatusCode());
        try {
            if (status != jain.getStatusCode()) {
                jain.setStatusCode(status);
                jain.setReasonPhrase("Server Internal Error");
            }
            if (!upstream.answered) {
                upstream.serverTransaction.sendResponse(jain);
            } else {
                session.side().provider().sendResponse(jain);
            }
            context.metrics().sent(status);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not forward " + status + " for " + upstream.getMethod(), e);
        }
        if (!upstream.answered) {
            boolean toTagged = ((ToHeader) jain.getHeader(ToHeader.NAME)).getTag() != null;
            session.proxied(upstream, response, status, toTagged);
            if (upstream == original && status >= 200) {
                answered = true;
            }
        }
    }

    /** Answers the original request with a response of our own, when no branch gave one. */
    private void answer(int status) {
        answerItself(original, status);
        answered = true;
    }

    /** Sends a response the proxy makes itself (RFC 3261 §16.7 step 6, §16.9), with our To-tag if it has none. */
    private void answerItself(RequestImpl request, int status) {
        try {
            Response jain = context.factories().messages().createResponse(status, request.request());
            ToHeader to = (ToHeader) jain.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(session.localTag());
            }
            request.serverTransaction.sendResponse(jain);
            context.metrics().sent(status);
            session.proxied(request, new ResponseImpl(context, jain, session, null, request, false), status, true);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(Level.FINE, "could not answer " + request.getMethod() + " with " + status, e);
        }
    }

    // --- CANCEL from upstream (RFC 3261 §16.10) ------------------------------------------------------------------

    void cancelled(RequestImpl request, RequestImpl cancel) {
        if (request == original) {
            stopOthers(null);
            serve(session, cancel);
            next();
        } else {
            for (RequestImpl out : forwarded) {
                if (out.forwardOf == request && out.clientTransaction != null) {
                    try {
                        out.session.side().provider().getNewClientTransaction(out.clientTransaction.createCancel())
                                .sendRequest();
                    } catch (SipException e) {
                        LOG.log(Level.FINE, "could not cancel a forwarded " + request.getMethod(), e);
                    }
                }
            }
        }
    }

    // --- requests of the dialog (record-route, RFC 3261 §16.6 without a new Record-Route) ---------------------

    /**
     * A request of the dialog reached us through our Record-Route. The application that record-routed sees it
     * first, then it goes on toward its next hop, leaving on the side of our last Route entry.
     */
    void subsequent(RequestImpl request, Side exit) {
        serve(session, request);
        if (!session.isValid() && !Request.ACK.equals(request.getMethod())) {
            return;
        }
        Request jain = (Request) request.request().clone();
        try {
            MaxForwardsHeader maxForwards = (MaxForwardsHeader) jain.getHeader(MaxForwardsHeader.NAME);
            if (maxForwards != null) {
                maxForwards.decrementMaxForwards();
            }
            String transport = Sides.transportOf(jain);
            ViaHeader via = exit.via(transport);
            via.setBranch(ProxyBranchImpl.VIA_BRANCH_PREFIX + UUID.randomUUID());
            jain.addFirst(via);
            if (Request.ACK.equals(jain.getMethod())) {
                exit.provider().sendRequest(jain); // the ACK for a 2xx has no transaction (RFC 3261 §16.11)
                context.metrics().sent(Request.ACK);
                return;
            }
            RequestImpl out = new RequestImpl(context, jain, session, null, null, false, false);
            out.forwardOf = request;
            ClientTransaction transaction = exit.provider().getNewClientTransaction(jain);
            session.bind(transaction, out);
            out.clientTransaction = transaction;
            forwarded.add(out);
            transaction.sendRequest();
            context.metrics().sent(jain.getMethod());
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.log(Level.FINE, "could not forward " + request.getMethod(), e);
            if (!Request.ACK.equals(request.getMethod())) {
                answerItself(request, Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    /** A response to a request of the dialog we forwarded: to the application, then upstream. */
    void subsequentResponse(RequestImpl out, ResponseImpl response) {
        if (response.getStatus() == Response.TRYING) {
            return; // hop by hop
        }
        if (response.getStatus() >= 200) {
            forwarded.remove(out);
        }
        if (supervised) {
            serve(session, response);
        }
        forward(response, out.forwardOf);
    }

    // --- javax.servlet.sip.Proxy --------------------------------------------------------------------------------

    @Override
    public void cancel() {
        if (answered) {
            throw new IllegalStateException("the proxy has already answered the original request");
        }
        stopOthers(null);
    }

    @Override
    public void cancel(String[] protocol, int[] reasonCode, String[] reasonText) {
        cancel();
    }

    @Override
    public List<ProxyBranch> createProxyBranches(List<? extends URI> targets) {
        requireUnanswered();
        List<ProxyBranch> created = new ArrayList<>();
        for (URI target : targets) {
            ProxyBranchImpl branch = new ProxyBranchImpl(this, target, null);
            branches.add(branch);
            created.add(branch);
        }
        return created;
    }

    @Override
    public void startProxy() {
        requireUnanswered();
        stopped = false;
        if (parallel) {
            for (ProxyBranchImpl branch : List.copyOf(branches)) {
                if (branch.state() == ProxyBranchImpl.State.NEW) {
                    branch.start();
                }
            }
        }
        next();
    }

    @Override
    public void proxyTo(URI uri) {
        proxyTo(List.of(uri));
    }

    @Override
    public void proxyTo(List<? extends URI> uris) {
        for (URI uri : uris) {
            if (!uri.isSipURI()) {
                throw new IllegalArgumentException("a proxy forwards to sip: and sips: URIs only, not " + uri);
            }
        }
        createProxyBranches(uris);
        startProxy();
    }

    private void requireUnanswered() {
        if (answered) {
            throw new IllegalStateException("the original request already has its final response");
        }
    }

    @Override
    public SipServletRequest getOriginalRequest() {
        return original;
    }

    @Override
    public ProxyBranch getProxyBranch(URI uri) {
        return branches.stream().filter(b -> b.parent() == null && b.target().equals(uri)).findFirst().orElse(null);
    }

    @Override
    public List<ProxyBranch> getProxyBranches() {
        return branches.stream().filter(b -> b.parent() == null).map(ProxyBranch.class::cast).toList();
    }

    @Override
    public boolean getAddToPath() {
        return false;
    }

    @Override
    public void setAddToPath(boolean addToPath) {
        if (addToPath) {
            throw Unsupported.method("Proxy", "setAddToPath");
        }
    }

    @Override
    public SipURI getPathURI() {
        throw Unsupported.method("Proxy", "getPathURI");
    }

    @Override
    public boolean getParallel() {
        return parallel;
    }

    @Override
    public void setParallel(boolean parallel) {
        this.parallel = parallel;
    }

    @Override
    public int getProxyTimeout() {
        return timeoutSeconds;
    }

    @Override
    public void setProxyTimeout(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("the proxy timeout must be positive");
        }
        timeoutSeconds = seconds;
    }

    @Override
    public int getSequentialSearchTimeout() {
        return timeoutSeconds;
    }

    @Override
    public void setSequentialSearchTimeout(int seconds) {
        setProxyTimeout(seconds);
    }

    @Override
    public boolean getRecordRoute() {
        return recordRoute;
    }

    @Override
    public void setRecordRoute(boolean recordRoute) {
        if (branches.stream().anyMatch(ProxyBranchImpl::isStarted)) {
            throw new IllegalStateException("record-route is set before the first branch starts");
        }
        this.recordRoute = recordRoute;
    }

    @Override
    public SipURI getRecordRouteURI() {
        if (!recordRoute) {
            throw new IllegalStateException("the proxy does not record-route");
        }
        if (recordRouteUri == null) {
            recordRouteUri = new SipUriImpl((javax.sip.address.SipURI) ProxyRoutes.recordRoute(session.side(),
                    original.getTransport(), applicationSessionId(), Map.of()).getAddress().getURI());
        }
        return recordRouteUri;
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
    public boolean getStateful() {
        return true;
    }

    /** Deprecated in JSR 289: this container always proxies statefully. */
    @Override
    public void setStateful(boolean stateful) {
    }

    @Override
    public boolean getSupervised() {
        return supervised;
    }

    @Override
    public void setSupervised(boolean supervised) {
        this.supervised = supervised;
    }

    @Override
    public boolean getNoCancel() {
        return noCancel;
    }

    @Override
    public void setNoCancel(boolean noCancel) {
        this.noCancel = noCancel;
    }

    @Override
    public void setOutboundInterface(InetAddress address) {
        outbound = context.sides().owning(address.getHostAddress(), -1);
    }

    @Override
    public void setOutboundInterface(InetSocketAddress address) {
        outbound = context.sides().owning(address.getAddress().getHostAddress(), address.getPort());
    }

    Side outbound() {
        return outbound;
    }
}
