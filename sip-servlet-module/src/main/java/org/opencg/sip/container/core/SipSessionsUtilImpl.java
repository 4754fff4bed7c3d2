package org.opencg.sip.container.core;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipSessionsUtil;

/** Finds application sessions by id or key (JSR 289 §15.11.2). */
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

    @Override
    public SipSession getCorrespondingSipSession(SipSession session, String headerName) {
        throw Unsupported.method("SipSessionsUtil", "getCorrespondingSipSession");
    }
}
