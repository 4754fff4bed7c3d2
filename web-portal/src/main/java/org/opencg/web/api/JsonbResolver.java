package org.opencg.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One Jsonb for every request and response body. Without a resolver RESTEasy builds a new one per message, which
 * runs a ServiceLoader look-up through the deployment's jars each time: most of a single GET's CPU (JFR).
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
