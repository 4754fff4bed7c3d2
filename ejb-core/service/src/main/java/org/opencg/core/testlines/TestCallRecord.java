package org.opencg.core.testlines;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A synthetic test call's result, as stored. */
@Entity
@Table(name = "test_call")
public class TestCallRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "caller_line", nullable = false, length = 24)
    private String callerLine;
    @Column(name = "called_line", nullable = false, length = 24)
    private String calledLine;
    @Column(name = "caller_number", nullable = false, length = 16)
    private String callerNumber;
    @Column(name = "called_number", nullable = false, length = 16)
    private String calledNumber;
    @Column(name = "passed", nullable = false)
    private boolean passed;
    @Column(name = "reason", nullable = false, length = 500)
    private String reason;
    @Column(name = "setup_ms")
    private Long setupMillis;
    @Column(name = "rtp_back", nullable = false)
    private int rtpBack;

    protected TestCallRecord() {
        // for JPA
    }

    TestCallRecord(TestCallResult result) {
        startedAt = result.startedAt();
        callerLine = result.callerLine();
        calledLine = result.calledLine();
        callerNumber = result.callerNumber();
        calledNumber = result.calledNumber();
        passed = result.passed();
        String text = result.reason() == null ? "" : result.reason();
        reason = text.length() > 500 ? text.substring(0, 500) : text;
        setupMillis = result.setupMillis();
        rtpBack = result.rtpBack();
    }

    TestCallResult view() {
        return new TestCallResult(startedAt, callerLine, calledLine, callerNumber, calledNumber, passed, reason,
                setupMillis, rtpBack);
    }
}
