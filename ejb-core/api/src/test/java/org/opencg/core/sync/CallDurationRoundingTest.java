package org.opencg.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CallDurationRoundingTest {

    @Test
    void durationsAreBilledAsMeasuredOrUpToTheNextSecondOrMinute() {
        assertEquals(61_001, CallDurationRounding.EXACT.billedMs(61_001));
        assertEquals(62_000, CallDurationRounding.SECOND.billedMs(61_001));
        assertEquals(61_000, CallDurationRounding.SECOND.billedMs(61_000));
        assertEquals(120_000, CallDurationRounding.MINUTE.billedMs(61_001));
        assertEquals(0, CallDurationRounding.MINUTE.billedMs(0));
    }

    @Test
    void theSettingNamesOneOfThem() {
        assertEquals(CallDurationRounding.MINUTE, CallDurationRounding.of(" Minute "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CallDurationRounding.of("hour"));
        assertEquals("opencg.oc.call-duration-rounding: 'hour' is not exact, second or minute", e.getMessage());
    }
}
