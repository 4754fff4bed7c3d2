package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CallAdmissionTest {

    @Test
    void theCeilingRefusesTheCallThatWouldPassIt() {
        CallAdmission admission = new CallAdmission(20, 0);
        assertNull(admission.refusal(19, () -> 0));
        assertEquals("Service Unavailable (call limit of 20 reached)", admission.refusal(20, () -> 1_000_000));
    }

    @Test
    void theShareOfNumbersLimitsCallsAsAcgDoes() {
        CallAdmission admission = new CallAdmission(0, 15);
        assertNull(admission.refusal(149, () -> 1000));
        assertEquals("Service Unavailable (call limit of 150, 15 % of 1000 numbers, reached)",
                admission.refusal(150, () -> 1000));
        assertNull(admission.refusal(0, () -> 0), "one call at least, however few the numbers");
        assertEquals("Service Unavailable (call limit of 1, 15 % of 0 numbers, reached)",
                admission.refusal(1, () -> 0));
    }

    @Test
    void theNumbersAreNotCountedWhenNoShareIsSet() {
        assertNull(new CallAdmission(20, 0).refusal(3, () -> {
            throw new AssertionError("counted the numbers");
        }));
    }

    @Test
    void bothOffAdmitsEverything() {
        assertNull(new CallAdmission(0, 0).refusal(Integer.MAX_VALUE, () -> 0));
    }
}
