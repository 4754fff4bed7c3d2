package org.opencg.sip.container.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The live application sessions, by id and by key (JSR 289 §15.11.2 keys are ids here). */
final class SessionRegistry {

    private final ContainerContext context;
    private final Map<String, AppSessionImpl> byId = new ConcurrentHashMap<>();

    SessionRegistry(ContainerContext context) {
        this.context = context;
    }

    AppSessionImpl create(Application application, String key) {
        String id = key == null ? null : application.name() + ":" + key;
        if (id != null) {
            AppSessionImpl existing = byId.get(id);
            if (existing != null && existing.isValid()) {
                return existing;
            }
        }
        AppSessionImpl session = new AppSessionImpl(context, application, id);
        byId.put(session.getId(), session);
        application.listeners().applicationSessionCreated(session);
        return session;
    }

    AppSessionImpl byId(String id) {
        return byId.get(id);
    }

    void remove(AppSessionImpl session) {
        byId.remove(session.getId());
    }

    int size() {
        return byId.size();
    }

    java.util.Collection<AppSessionImpl> all() {
        return byId.values();
    }
}
