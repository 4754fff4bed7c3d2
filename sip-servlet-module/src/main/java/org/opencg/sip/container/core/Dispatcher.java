package org.opencg.sip.container.core;

import java.text.ParseException;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.header.extensions.ReplacesHeader;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.opencg.sip.container.core.ServletInvoker.invalidateIfReady;
import static org.opencg.sip.container.core.ServletInvoker.serve;

import org.opencg.sip.container.message.AddressImpl;
import org.opencg.sip.container.message.Uris;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPServerTransaction;

/**
 * Maps JAIN-SIP events onto servlets (JSR 289 §6.4 and §11): finds or creates the sessions of each message,
 * answers what the container must answer itself, and runs the servlet on the application session's queue so
 * that JAIN-SIP's threads never wait for application code.
 */
public final class Dispatcher implements SipListenerExt {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final ContainerContext context;
    /** The application for an initial request arriving on a side; null when none handles it. */
    private final Function<Side, Application> router;
    private final StatelessAnswers answers;
    private volatile boolean draining;

    public Dispatcher(ContainerContext context, Function<String, String> applicationForSide) {
        this.context = context;
        this.answers = new StatelessAnswers(context.factories());
        this.router = side -> {
            String name = applicationForSide.apply(side.name());
            return name == null ? null : context.applications().get(name);
        };
    }

    /** From now on new INVITEs are refused with 503 + Retry-After while established calls go on. */
    public void drain() {
        draining = true;
    }

    private static Endpoints endpoints(Request request, String transport) {
        SIPMessage message = (SIPMessage) request;
        return new Endpoints(transport,
                message.getLocalAddress() == null ? null : message.getLocalAddress().getHostAddress(),
                message.getLocalPort(),
                message.getRemoteAddress() == null ? null : message.getRemoteAddress().getHostAddress(),
                message.getRemotePort());
    }

    private static String transportOf(Request request) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
        return via == null ? "UDP" : via.getTransport().toUpperCase(java.util.Locale.ROOT);
    }

    // --- requests ----------------------------------------------------------------------------------------------

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        SipProvider provider = (SipProvider) event.getSource();
        String method = request.getMethod();
        context.metrics().received(method);
        try {
            if (!Request.ACK.equals(method)) {
                java.util.Optional<MessageLimits.Refusal> tooLarge = MessageLimits.check(request);
                if (tooLarge.isPresent()) {
                    answers.answer(provider, request, tooLarge.get().status(), tooLarge.get().reason());
                    return;
                }
                java.util.Optional<UasChecks.Refusal> refused = UasChecks.check(request);
                if (refused.isPresent()) {
                    answers.refuse(provider, request, refused.get());
                    return;
                }
            }
            String proxiedBy = Request.CANCEL.equals(method) ? null : ProxyRoutes.sessionOf(request, context.sides());
            if (proxiedBy != null) {
                proxiedInDialog(event, provider, proxiedBy);
            } else if (Request.ACK.equals(method)) {
                ack(event);
            } else if (Request.CANCEL.equals(method)) {
                cancel(event, provider);
            } else if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
                inDialog(event, provider);
            } else {
                initial(event, provider);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not handle " + method, e);
            answers.answer(provider, request, Response.SERVER_INTERNAL_ERROR, "Internal Server Error");
        }
    }

    /** The Request-URI's user: a {@code sip:} URI's user part, a {@code tel:} URI's number. */
    private static String dialled(Request request) {
        javax.sip.address.URI uri = request.getRequestURI();
        return uri instanceof javax.sip.address.SipURI sip ? sip.getUser()
                : uri instanceof javax.sip.address.TelURL tel ? (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber() : null;
    }

    private void initial(RequestEvent event, SipProvider provider) {
        Request request = event.getRequest();
        if (Request.INVITE.equals(request.getMethod()) && context.overload().shedsNewCall(dialled(request))) {
            answers.overloaded(provider, request);
            return;
        }
        Side side = context.sides().of(provider);
        Application application = router.apply(side);
        if (application == null) {
            // No application takes this side's requests: the container answers as a plain SIP endpoint.
            answers.answerWithoutApplication(provider, request);
            return;
        }
        if (draining && Request.INVITE.equals(request.getMethod())) {
            answers.serviceUnavailable(provider, request);
            return;
        }
        javax.sip.header.MaxForwardsHeader maxForwards =
                (javax.sip.header.MaxForwardsHeader) request.getHeader(javax.sip.header.MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() == 0) {
            // RFC 4475 §3.3.10: a request that may not be forwarded further is refused, OPTIONS too.
            answers.answer(provider, request, Response.TOO_MANY_HOPS, "Too Many Hops");
            return;
        }
        ServerTransaction transaction = serverTransaction(event, provider);
        if (transaction == null) {
            return;
        }
        SipSessionImpl replaced = replacedBy(request, provider, application);
        AppSessionImpl applicationSession = replaced != null ? replaced.application()
                : context.sessions().create(application, null);
        SipSessionImpl session = applicationSession.newSipSession(application.mainServlet(), side);
        if (replaced != null) {
            session.replaces(replaced);
        }
        RequestImpl servletRequest = new RequestImpl(context, request, session, endpoints(request, transportOf(request)),
                transaction, true, true);
        session.bind(transaction, servletRequest);
        session.received(servletRequest);
        applicationSession.queue().execute(() -> serve(session, servletRequest));
    }

    /**
     * The session whose dialog an INVITE's Replaces header names (RFC 3891), when it is one of this application's:
     * the new session joins that session's application session, so that the application handles both on one
     * queue, and finds it through {@code SipSessionsUtil.getCorrespondingSipSession}. Null for any other request.
     */
    private static SipSessionImpl replacedBy(Request request, SipProvider provider, Application application) {
        if (!Request.INVITE.equals(request.getMethod())
                || !(request.getHeader(ReplacesHeader.NAME) instanceof ReplacesHeader replaces)
                || !(provider.getSipStack() instanceof SipStackExt stack)) {
            return null;
        }
        Dialog dialog = stack.getReplacesDialog(replaces);
        if (dialog != null && dialog.getApplicationData() instanceof SipSessionImpl session && session.isValid()
                && session.application().isValid()
                && session.application().getApplicationName().equals(application.name())) {
            return session;
        }
        return null;
    }

    private void inDialog(RequestEvent event, SipProvider provider) {
        Request request = event.getRequest();
        Dialog dialog = event.getDialog();
        SipSessionImpl session = dialog == null ? null : (SipSessionImpl) dialog.getApplicationData();
        if (session == null || !session.isValid()) {
            // RFC 3261 §12.2.2: a request for a dialog this UAS does not know.
            answers.answer(provider, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    "Call/Transaction Does Not Exist");
            return;
        }
        ServerTransaction transaction = serverTransaction(event, provider);
        if (transaction == null) {
            return;
        }
        RequestImpl servletRequest = new RequestImpl(context, request, session, endpoints(request, transportOf(request)),
                transaction, true, false);
        session.bind(transaction, servletRequest);
        session.application().queue().execute(() -> {
            session.received(servletRequest);
            serve(session, servletRequest);
        });
    }

    /**
     * A request of a dialog one of our proxies record-routed (its Route names the application session): our
     * Route entries are taken off (RFC 3261 §16.4) and the proxy forwards it on the side of the last one.
     */
    private void proxiedInDialog(RequestEvent event, SipProvider provider, String applicationSessionId) {
        Request request = event.getRequest();
        boolean ack = Request.ACK.equals(request.getMethod());
        AppSessionImpl application = context.sessions().byId(applicationSessionId);
        SipSessionImpl session = application == null ? null : application.proxySession();
        if (session == null || !session.isValid()) {
            if (!ack) {
                answers.answer(provider, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                        "Call/Transaction Does Not Exist");
            }
            return;
        }
        javax.sip.address.SipURI popped = ProxyRoutes.popOurs(request, context.sides());
        Side exit = ProxyRoutes.exit(popped, context.sides());
        ServerTransaction transaction = ack ? null : serverTransaction(event, provider);
        if (!ack && transaction == null) {
            return;
        }
        RequestImpl servletRequest = new RequestImpl(context, request, session, endpoints(request, transportOf(request)),
                transaction, true, false);
        servletRequest.poppedRoute = AddressImpl.of(Uris.wrap(popped), null);
        if (transaction != null) {
            session.bind(transaction, servletRequest);
        }
        session.application().queue().execute(() -> {
            if (!ack) {
                session.received(servletRequest);
            }
            session.proxy().subsequent(servletRequest, exit);
            invalidateIfReady(session);
        });
    }

    private void ack(RequestEvent event) {
        Dialog dialog = event.getDialog();
        SipSessionImpl session = dialog == null ? null : (SipSessionImpl) dialog.getApplicationData();
        if (session == null || !session.isValid()) {
            return; // ACK for a non-2xx final response is absorbed by the transaction layer (RFC 3261 §17.2.1).
        }
        Request request = event.getRequest();
        RequestImpl ack = new RequestImpl(context, request, session, endpoints(request, transportOf(request)), null,
                true, false);
        session.application().queue().execute(() -> {
            session.received(ack);
            serve(session, ack);
        });
    }

    private void cancel(RequestEvent event, SipProvider provider) {
        Request request = event.getRequest();
        ServerTransaction cancelTransaction = serverTransaction(event, provider);
        if (cancelTransaction == null) {
            return;
        }
        SIPServerTransaction invite = ((SIPServerTransaction) cancelTransaction).getCanceledInviteTransaction();
        RequestImpl inviteRequest = invite == null ? null : (RequestImpl) invite.getApplicationData();
        try {
            if (inviteRequest == null) {
                // RFC 3261 §9.2: no matching transaction.
                cancelTransaction.sendResponse(context.factories().messages()
                        .createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                return;
            }
            cancelTransaction.sendResponse(context.factories().messages().createResponse(Response.OK, request));
        } catch (ParseException | SipException | InvalidArgumentException e) {
            LOG.log(Level.FINE, "could not answer CANCEL", e);
            return;
        }
        SipSessionImpl session = inviteRequest.session;
        RequestImpl servletCancel = new RequestImpl(context, request, session, endpoints(request, transportOf(request)),
                cancelTransaction, true, false);
        session.application().queue().execute(() -> {
            if (inviteRequest.answered) {
                return; // too late: the INVITE is already answered (RFC 3261 §9.2)
            }
            if (session.proxy() != null) {
                // RFC 3261 §16.10: a proxy cancels its branches; their 487 becomes the answer upstream.
                session.proxy().cancelled(inviteRequest, servletCancel);
                invalidateIfReady(session);
                return;
            }
            try {
                // JSR 289 §11.2.4: the container answers the INVITE with 487, then tells the application.
                inviteRequest.createResponse(Response.REQUEST_TERMINATED).send();
            } catch (java.io.IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "could not send 487", e);
            }
            serve(session, servletCancel);
        });
    }

    private ServerTransaction serverTransaction(RequestEvent event, SipProvider provider) {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction != null) {
            return transaction;
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null; // a retransmission; the existing transaction answers it
        } catch (TransactionUnavailableException e) {
            LOG.log(Level.FINE, "no transaction for " + event.getRequest().getMethod(), e);
            return null;
        }
    }

    // --- responses ---------------------------------------------------------------------------------------------

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        context.metrics().received(response.getStatusCode());
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null || !(transaction.getApplicationData() instanceof RequestImpl request)) {
            retransmitted2xx(event);
            return;
        }
        deliver(request, new ResponseImpl(context, response, request.session, null, request, true));
    }

    /** Runs a response (received or made for a timeout) on its call's queue: to the servlet, or to its proxy. */
    private void deliver(RequestImpl request, ResponseImpl response) {
        SipSessionImpl session = request.session;
        session.application().queue().execute(() -> {
            if (request.branch != null) {
                request.branch.proxyImpl().received(request.branch, response);
            } else if (request.forwardOf != null) {
                session.proxy().subsequentResponse(request, response);
            } else {
                session.received(response);
                // JSR 289 §6.4.2: 100 Trying is never passed to applications; §11.2.4: nor are responses to CANCEL.
                if (response.getStatus() != Response.TRYING && !Request.CANCEL.equals(request.getMethod())) {
                    serve(session, response);
                    return;
                }
            }
            invalidateIfReady(session);
        });
    }

    /**
     * A 2xx retransmitted after its transaction ended: a UA sends its ACK again (RFC 3261 §13.2.2.4); a proxy
     * passes it on upstream without state (§16.7 step 5, RFC 6026 §8.1).
     */
    private void retransmitted2xx(ResponseEvent event) {
        Dialog dialog = event.getDialog();
        Response response = event.getResponse();
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) response.getHeader(javax.sip.header.ViaHeader.NAME);
        if (via != null && via.getBranch() != null && via.getBranch().startsWith(ProxyBranchImpl.VIA_BRANCH_PREFIX)) {
            Response upstream = (Response) response.clone();
            upstream.removeFirst(javax.sip.header.ViaHeader.NAME);
            try {
                ((SipProvider) event.getSource()).sendResponse(upstream);
            } catch (SipException e) {
                LOG.log(Level.FINE, "could not relay a retransmitted 2xx", e);
            }
        } else if (dialog != null && response.getStatusCode() / 100 == 2
                && Request.INVITE.equals(((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod())) {
            try {
                ((gov.nist.javax.sip.stack.SIPDialog) dialog).resendAck();
            } catch (SipException e) {
                LOG.log(Level.FINE, "could not resend ACK", e);
            }
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction transaction = event.getClientTransaction();
        if (!(transaction.getApplicationData() instanceof RequestImpl request) || Request.ACK.equals(request.getMethod())) {
            return;
        }
        // JSR 289 §11.3: a request that got no answer gets a 408 made by the container (a CANCEL's only ends it).
        try {
            Response timeout = context.factories().messages().createResponse(Response.REQUEST_TIMEOUT, request.request());
            deliver(request, new ResponseImpl(context, timeout, request.session, null, request, true));
        } catch (ParseException e) {
            LOG.log(Level.FINE, "could not make a 408", e);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.fine(() -> "SIP I/O error towards " + event.getHost() + ":" + event.getPort() + "/" + event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        javax.sip.Transaction transaction = event.isServerTransaction() ? event.getServerTransaction()
                : event.getClientTransaction();
        if (transaction.getApplicationData() instanceof RequestImpl request) {
            request.session.unbind(transaction);
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        Object data = event.getDialog().getApplicationData();
        if (data instanceof SipSessionImpl session && session.isValid()) {
            session.application().queue().execute(() -> invalidateIfReady(session));
        }
    }

    /**
     * JAIN-SIP leaves a dialog whose 2xx was never acknowledged within 64·T1 to its listener. RFC 3261 §13.3.1.4: the
     * session is to be ended with BYE. The application's SipErrorListener is told (JSR 289 §6.4.2.1: the SBC ends
     * both legs); without one the container sends the BYE itself, so no such dialog outlives its 2xx for long.
     */
    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        if (event.getReason() != DialogTimeoutEvent.Reason.AckNotReceived
                || !(event.getDialog().getApplicationData() instanceof SipSessionImpl session) || !session.isValid()) {
            return;
        }
        session.application().queue().execute(() -> {
            RequestImpl invite = session.initialRequest();
            boolean told = invite != null && session.application().application().listeners()
                    .noAckReceived(new javax.servlet.sip.SipErrorEvent(invite, null));
            if (!told && session.isValid() && session.getState() == javax.servlet.sip.SipSession.State.CONFIRMED) {
                try {
                    session.createRequest(Request.BYE).send();
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "BYE for an unacknowledged 2xx not sent", e);
                }
            }
        });
    }
}
