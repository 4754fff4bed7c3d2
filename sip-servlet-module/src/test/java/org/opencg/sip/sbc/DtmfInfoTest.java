package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DtmfInfoTest {

    @Test
    void dtmfRelayGivesTheKeyAndItsDuration() {
        assertEquals(Optional.of(new DtmfInfo.Digit('5', 160)),
                DtmfInfo.of("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        assertEquals(Optional.of(new DtmfInfo.Digit('#', 250)), DtmfInfo.of("application/dtmf-relay", "Signal=11"));
        assertEquals(Optional.of(new DtmfInfo.Digit('*', 250)), DtmfInfo.of("Application/DTMF-Relay", "signal= *\n"));
        assertEquals(Optional.of(new DtmfInfo.Digit('A', 40)),
                DtmfInfo.of("application/dtmf-relay", "Signal=a\r\nDuration=1\r\n"), "a duration too short is raised");
    }

    @Test
    void applicationDtmfIsTheKeyAlone() {
        assertEquals(Optional.of(new DtmfInfo.Digit('7', 250)), DtmfInfo.of("application/dtmf", "7\r\n"));
    }

    @Test
    void anythingElseIsNoDtmf() {
        assertEquals(Optional.empty(), DtmfInfo.of("application/sdp", "v=0"));
        assertEquals(Optional.empty(), DtmfInfo.of("application/dtmf-relay", "Signal=x"));
        assertEquals(Optional.empty(), DtmfInfo.of("application/dtmf-relay", "Signal=16"));
        assertEquals(Optional.empty(), DtmfInfo.of(null, null));
    }
}
