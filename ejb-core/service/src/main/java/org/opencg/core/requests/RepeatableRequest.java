package org.opencg.core.requests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kept answer to a repeatable request. */
@Entity
@Table(name = "repeatable_request")
public class RepeatableRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "client", nullable = false, length = 200)
    private String client;
    @Column(name = "request_id", nullable = false, length = 200)
    private String requestId;
    @Column(name = "method", nullable = false, length = 8)
    private String method;
    @Column(name = "path", nullable = false, length = 1000)
    private String path;
    @Column(name = "status", nullable = false)
    private int status;
    @Column(name = "etag", length = 100)
    private String etag;
    @Column(name = "body", length = 1048576)
    private String body;
    @Column(name = "keep_until", nullable = false)
    private Instant keepUntil;

    protected RepeatableRequest() {
        // for JPA
    }

    RepeatableRequest(String client, String requestId, String method, String path,
            RepeatableRequests.Answer answer, Instant keepUntil) {
        this.client = client;
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.status = answer.status();
        this.etag = answer.etag();
        this.body = answer.body();
        this.keepUntil = keepUntil;
    }

    boolean isFor(String otherMethod, String otherPath) {
        return method.equals(otherMethod) && path.equals(otherPath);
    }

    RepeatableRequests.Answer answer() {
        return new RepeatableRequests.Answer(status, etag, body);
    }
}
