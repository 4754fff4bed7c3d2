package org.opencg.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A call record always fits its table, whatever a peer sent; which records report their duration to Teams. */
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

    @Test
    void onlyAnsweredOperatorConnectAndPhoneMobileCallsOfATenantReportTheirDuration() {
        Instant now = Instant.now();
        String tenant = "7f3e9a62-4b1c-4d8e-9f2a-0c5b6d7e8f90";
        assertTrue(record("teamsOperatorConnect", tenant, now).reportsDuration());
        assertTrue(record("teamsPhoneMobile", tenant, now).reportsDuration());
        assertFalse(record("teamsDirectRouting", tenant, now).reportsDuration());
        assertFalse(record("teamsOperatorConnect", null, now).reportsDuration());
        assertFalse(record("teamsOperatorConnect", tenant, null).reportsDuration(), "never answered");
    }

    private static CallRecord record(String service, String tenant, Instant answered) {
        Instant now = Instant.now();
        return new CallRecord("c1", CallRecord.TO_MICROSOFT, service, tenant, "acc", "+442079460000",
                "+442079460001", "sip", now, answered, now, 200, "OK", "caller", null);
    }
}
