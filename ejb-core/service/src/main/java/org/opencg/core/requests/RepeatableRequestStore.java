package org.opencg.core.requests;

import java.time.Instant;
import java.util.Optional;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link RepeatableRequests} on JPA; expired answers are removed as new ones are kept. */
@Stateless
@Local(RepeatableRequests.class)
public class RepeatableRequestStore implements RepeatableRequests {

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @Override
    public Optional<Answer> find(String client, String requestId, String method, String path) {
        return em.createQuery("select r from RepeatableRequest r where r.client = :client and r.requestId = :id"
                + " and r.keepUntil > :now", RepeatableRequest.class).setParameter("client", client)
                .setParameter("id", requestId).setParameter("now", Instant.now()).getResultStream()
                .filter(r -> r.isFor(method, path)).findFirst().map(RepeatableRequest::answer);
    }

    @Override
    public void keep(String client, String requestId, String method, String path, Answer answer, Instant keepUntil) {
        em.createQuery("delete from RepeatableRequest r where r.keepUntil <= :now").setParameter("now", Instant.now())
                .executeUpdate();
        em.persist(new RepeatableRequest(client, requestId, method, path, answer, keepUntil));
    }
}
