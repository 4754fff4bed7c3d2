package org.opencg.sip.container.core;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.sip.SipServlet;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Runs a session's servlet on a message, and ends the sessions of a call that are done afterwards. */
final class ServletInvoker {

    private static final Logger LOG = Logger.getLogger(ServletInvoker.class.getName());

    private ServletInvoker() {
    }

    static void serve(SipSessionImpl session, MessageImpl message) {
        if (!session.isValid()) {
            return;
        }
        Application application = session.application().application();
        SipServlet servlet = application.servlet(session.handler());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(servlet.getClass().getClassLoader());
        try {
            if (message instanceof RequestImpl request) {
                servlet.service(request, null);
            } else {
                servlet.service(null, (ResponseImpl) message);
            }
        } catch (Exception | Error e) {
            LOG.log(Level.WARNING, "servlet " + session.handler() + " failed on " + describe(message), e);
            if (message instanceof RequestImpl request && request.incoming() && !request.isCommitted()
                    && !Request.ACK.equals(request.getMethod())
                    && !Request.CANCEL.equals(request.getMethod())) {
                try {
                    request.createResponse(Response.SERVER_INTERNAL_ERROR).send();
                } catch (java.io.IOException | IllegalStateException ignored) {
                    // nothing more to do for this request
                }
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        invalidateIfReady(session);
    }

    private static String describe(MessageImpl message) {
        return message instanceof ResponseImpl r ? r.getStatus() + " " + r.getMethod() : ((RequestImpl) message).getMethod();
    }

    /**
     * JSR 289 §6.2.4.1.2 and §6.1.2.2.2: sessions that are done and allow it are invalidated by the container.
     * Every leg of the call is looked at, since a message on one leg (a 200 for a BYE) may end the other.
     */
    static void invalidateIfReady(SipSessionImpl session) {
        AppSessionImpl application = session.application();
        for (SipSessionImpl leg : application.sipSessions()) {
            if (leg.isValid() && leg.getInvalidateWhenReady() && leg.isReadyToInvalidate()) {
                leg.invalidate();
            }
        }
        if (application.isValid() && application.getInvalidateWhenReady() && application.isReadyToInvalidate()) {
            application.invalidate();
        }
    }

}
