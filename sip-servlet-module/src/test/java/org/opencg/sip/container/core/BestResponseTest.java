package org.opencg.sip.container.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BestResponseTest {

    private static int best(Integer... statuses) {
        int best = statuses[0];
        for (int status : List.of(statuses)) {
            if (BestResponse.isBetter(status, best)) {
                best = status;
            }
        }
        return best;
    }

    @Test
    void aSixHundredBeatsEveryOtherClassAndTheFirstOneStays() {
        assertEquals(603, best(486, 603, 302, 404));
        assertEquals(600, best(600, 603));
        assertFalse(BestResponse.isBetter(302, 603));
    }

    @Test
    void otherwiseTheLowestClassWins() {
        assertEquals(302, best(486, 302, 500));
        assertEquals(486, best(503, 486));
        assertEquals(404, best(404, 480));
    }

    @Test
    void anActionableClientErrorIsPreferredWithinItsClass() {
        assertEquals(407, best(404, 407, 486));
        assertTrue(BestResponse.isBetter(401, 480));
        assertFalse(BestResponse.isBetter(480, 415));
    }

    @Test
    void a503IsForwardedAs500() {
        assertEquals(500, BestResponse.forwardedStatus(503));
        assertEquals(486, BestResponse.forwardedStatus(486));
        assertEquals(504, BestResponse.forwardedStatus(504));
    }
}
