package org.opencg.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A call record always fits its table, whatever a peer sent. */
class CallRecordTest {

    @Test
    void textsLongerThanTheirColumnsAreCutAndShortOnesKept() {
        Instant now = Instant.now();
        CallRecord record = new CallRecord("c".repeat(300), CallRecord.TO_OPERATOR, "teamsOperatorConnect", null,
                "a".repeat(150), "+" + "1".repeat(80), "+442079460000", "sip", now, null, now, 487,
                "r".repeat(500), "caller", null);
        assertEquals(256, record.callId().length());
        assertEquals(100, record.account().length());
        assertEquals(64, record.calling().length());
        assertEquals("+442079460000", record.called());
        assertEquals(200, record.reason().length());
        assertNull(record.tenant());
        assertEquals("teamsOperatorConnect", record.service());
    }
}
