package org.opencg.sip.container.core;

import java.text.ParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.opencg.sip.container.JainFactories;

/**
 * Responses the container sends by itself, statelessly (RFC 3261 §8.2.7), when no application is involved:
 * OPTIONS answered 200 where no application takes a side's requests, 405 for other methods there, 481 for
 * unknown dialogs, 503 while draining. ACK is never answered (§17.1.1.3).
 */
final class StatelessAnswers {

    private static final Logger LOG = Logger.getLogger(StatelessAnswers.class.getName());
    /** Seconds a caller is asked to wait before retrying while the gateway drains. */
    static final int RETRY_AFTER_SECONDS = 30;
    /** An overload passes in seconds: a caller that waits this long finds the backlog worked off. */
    static final int OVERLOAD_RETRY_AFTER_SECONDS = 5;

    private final JainFactories factories;

    StatelessAnswers(JainFactories factories) {
        this.factories = factories;
    }

    void answerWithoutApplication(SipProvider provider, Request request) {
        if (Request.OPTIONS.equals(request.getMethod())) {
            answer(provider, request, Response.OK, null);
        } else {
            answer(provider, request, Response.METHOD_NOT_ALLOWED, null);
        }
    }

    void serviceUnavailable(SipProvider provider, Request request) {
        unavailable(provider, request, "Shutting Down", RETRY_AFTER_SECONDS);
    }

    /** 503 while the workers are behind (Overload); the caller may retry after Retry-After or try elsewhere. */
    void overloaded(SipProvider provider, Request request) {
        unavailable(provider, request, "Overloaded", OVERLOAD_RETRY_AFTER_SECONDS);
    }

    private void unavailable(SipProvider provider, Request request, String reason, int retryAfter) {
        Response response = build(request, Response.SERVICE_UNAVAILABLE, reason);
        if (response != null) {
            try {
                response.addHeader(factories.headers().createRetryAfterHeader(retryAfter));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
            send(provider, response);
        }
    }

    void refuse(SipProvider provider, Request request, UasChecks.Refusal refusal) {
        Response response = build(request, refusal.status(), refusal.reason());
        if (response != null) {
            if (refusal.headerName() != null) {
                try {
                    response.addHeader(factories.headers().createHeader(refusal.headerName(), refusal.headerValue()));
                } catch (ParseException e) {
                    LOG.log(Level.FINE, "could not add " + refusal.headerName(), e);
                }
            }
            send(provider, response);
        }
    }

    void answer(SipProvider provider, Request request, int status, String reason) {
        Response response = build(request, status, reason);
        if (response != null) {
            send(provider, response);
        }
    }

    private Response build(Request request, int status, String reason) {
        if (Request.ACK.equals(request.getMethod())) {
            return null;
        }
        try {
            Response response = factories.messages().createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            // RFC 3261 §8.2.6.2: a UAS adds a To-tag to every response that does not already have one.
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
            }
            if (status == Response.OK || status == Response.METHOD_NOT_ALLOWED) {
                // Only reached where no application serves the side, so OPTIONS is all it allows.
                response.addHeader(factories.headers().createAllowHeader(Request.OPTIONS));
            }
            if (status == Response.OK) {
                response.addHeader(factories.headers().createAcceptHeader("application", "sdp"));
            }
            return response;
        } catch (ParseException e) {
            LOG.log(Level.FINE, "could not answer " + request.getMethod(), e);
            return null;
        }
    }

    private static void send(SipProvider provider, Response response) {
        try {
            provider.sendResponse(response);
        } catch (SipException e) {
            LOG.log(Level.FINE, "could not send " + response.getStatusCode(), e);
        }
    }
}
