package org.opencg.sip.container;

import java.text.ParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Until the servlet container dispatches requests, the gateway is a SIP endpoint that answers OPTIONS with
 * 200 (so peers and monitoring see it up) and every other method with 405 listing what it allows
 * (RFC 3261 §8.2.1). It answers statelessly (RFC 3261 §8.2.7), so nothing is held per request; ACK is never
 * answered (§17.1.1.3).
 */
final class OptionsResponder implements SipListener {

    private static final Logger LOG = Logger.getLogger(OptionsResponder.class.getName());
    static final String ALLOWED = "OPTIONS";

    private final JainFactories factories;

    OptionsResponder(JainFactories factories) {
        this.factories = factories;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            return;
        }
        int status = Request.OPTIONS.equals(request.getMethod()) ? Response.OK : Response.METHOD_NOT_ALLOWED;
        try {
            Response response = factories.messages().createResponse(status, request);
            // RFC 3261 §8.2.6.2: a UAS adds a To-tag to every response that does not already have one.
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
            }
            response.addHeader(factories.headers().createAllowHeader(ALLOWED));
            if (status == Response.OK) {
                response.addHeader(factories.headers().createAcceptHeader("application", "sdp"));
            }
            ((SipProvider) event.getSource()).sendResponse(response);
        } catch (ParseException | SipException e) {
            LOG.log(Level.FINE, "could not answer " + request.getMethod(), e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        // Nothing is sent yet, so any response is stray and dropped (RFC 3261 §8.1.3.1 leaves it to the UAC).
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.fine(() -> "SIP I/O error towards " + event.getHost() + ":" + event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }
}
