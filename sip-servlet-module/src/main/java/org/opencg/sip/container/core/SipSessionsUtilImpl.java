package org.opencg.sip.container.core;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipSessionsUtil;

/** Finds application sessions by id or key (JSR 289 §15.11.2), and the session a Replaces header names. */
final class SipSessionsUtilImpl implements SipSessionsUtil {

    private final ContainerContext context;
    private final String applicationName;

    SipSessionsUtilImpl(ContainerContext context, String applicationName) {
        this.context = context;
        this.applicationName = applicationName;
    }

    @Override
    public SipApplicationSession getApplicationSessionById(String id) {
        AppSessionImpl session = context.sessions().byId(id);
        return session != null && session.getApplicationName().equals(applicationName) ? session : null;
    }

    @Override
    public SipApplicationSession getApplicationSessionByKey(String key, boolean create) {
        AppSessionImpl existing = context.sessions().byId(applicationName + ":" + key);
        if (existing != null || !create) {
            return existing;
        }
        return context.sessions().create(context.application(applicationName), key);
    }

    /**
     * For "Replaces": the session whose dialog the initial INVITE of {@code session} names in its Replaces header
     * (RFC 3891), which the dispatcher put in the same application session; null when it named none we know, or that
     * session has ended. "Join" (RFC 3911) is not implemented.
     */
    @Override
    public SipSession getCorrespondingSipSession(SipSession session, String headerName) {
        if ("Join".equalsIgnoreCase(headerName)) {
            throw Unsupported.method("SipSessionsUtil", "getCorrespondingSipSession(session, \"Join\")");
        }
        if (!"Replaces".equalsIgnoreCase(headerName)) {
            throw new IllegalArgumentException("getCorrespondingSipSession takes \"Join\" or \"Replaces\", not "
                    + headerName);
        }
        SipSessionImpl replaced = ((SipSessionImpl) session).replaced();
        return replaced != null && replaced.isValid() ? replaced : null;
    }
}
