package org.opencg.core.requests;

import java.time.Instant;
import java.util.Optional;

/**
 * The answers given to repeatable requests (Azure's {@code Repeatability-Request-ID}, acg-behaviour.md §1.3), kept
 * in the database so a client retrying after a lost answer, even across a restart, gets the first answer instead
 * of the change being made twice.
 */
public interface RepeatableRequests {

    String JNDI = "java:global/opencg/ejb-core/RepeatableRequestStore!org.opencg.core.requests.RepeatableRequests";

    /** The answer kept for this client's request id, if any, and only if it was for the same method and path. */
    Optional<Answer> find(String client, String requestId, String method, String path);

    /** Keeps an answer until {@code keepUntil}; answers older than that are forgotten. */
    void keep(String client, String requestId, String method, String path, Answer answer, Instant keepUntil);

    record Answer(int status, String etag, String body) {
    }
}
