package org.opencg.core.sync;

import java.util.Locale;

/**
 * How a measured call duration is billed in the CallDuration upload (acg-behaviour.md §5: ACG's rounding is
 * customisable): {@code exact} as measured, or up to the next whole {@code second} or {@code minute}. A call that
 * lasted no time bills none.
 */
public enum CallDurationRounding {
    EXACT(1), SECOND(1000), MINUTE(60_000);

    private final long unitMs;

    CallDurationRounding(long unitMs) {
        this.unitMs = unitMs;
    }

    public long billedMs(long measuredMs) {
        return (Math.max(0, measuredMs) + unitMs - 1) / unitMs * unitMs;
    }

    /** From the setting's word: exact, second or minute (any case). */
    public static CallDurationRounding of(String word) {
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("opencg.oc.call-duration-rounding: '" + word
                    + "' is not exact, second or minute");
        }
    }
}
