package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EmergencyCallsTest {

    private static final List<Peer> ESRP = PeerList.parse("esrp1=tls:esrp.example.net:5061");

    @Test
    void theDialStringsOfTheDeploymentAreEmergencyCallsAndNothingElse() {
        EmergencyCalls emergency = new EmergencyCalls(EmergencyCalls.parseNumbers(" 911, 933,,+44999 "), false,
                List.of());
        assertEquals(Set.of("911", "933", "+44999"), emergency.numbers());
        assertTrue(emergency.isEmergency("911"));
        assertTrue(emergency.isEmergency("+44-999"), "visual separators are not part of a dial string");
        assertFalse(emergency.isEmergency("9110"));
        assertFalse(emergency.isEmergency("+14155550911"));
        assertFalse(emergency.isEmergency(null));
    }

    @Test
    void directToEsrpTakesOperatorConnectAndPhoneMobileCallsOnly() {
        EmergencyCalls esrp = new EmergencyCalls(Set.of("911"), true, ESRP);
        assertTrue(esrp.toEsrp(CallRouting.Destination.OPERATOR_CONNECT));
        assertTrue(esrp.toEsrp(CallRouting.Destination.PHONE_MOBILE));
        assertFalse(esrp.toEsrp(CallRouting.Destination.DIRECT_ROUTING));
        assertFalse(esrp.toEsrp(CallRouting.Destination.ZOOM));
        assertFalse(new EmergencyCalls(Set.of("911"), false, ESRP).toEsrp(CallRouting.Destination.OPERATOR_CONNECT));
    }

    @Test
    void directToEsrpWithoutPeersIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmergencyCalls(Set.of("911"), true, List.of()));
        assertTrue(e.getMessage().contains("opencg.emergency.esrp-peers"), e.getMessage());
    }
}
