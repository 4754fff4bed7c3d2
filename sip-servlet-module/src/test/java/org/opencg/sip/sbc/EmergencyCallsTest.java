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
        EmergencyCalls emergency = new EmergencyCalls(org.opencg.core.config.EmergencySettings.parseNumbers(" 911, 933,,+44999 "), false,
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

    private static final String BOUNDARY = "multipart/mixed;boundary=b1";

    private static SessionBody withLocation(String pidf) {
        String body = "--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--b1\r\n"
                + "Content-Type: application/pidf+xml\r\nContent-ID: <loc@teams>\r\n\r\n" + pidf + "\r\n--b1--";
        return SessionBody.of(BOUNDARY, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String pidf(String elin) {
        return "<?xml version=\"1.0\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
                + "xmlns:ms=\"urn:schema:Rtc.LinkLocation.2014\" entity=\"pres:x@y\"><tuple id=\"1\"><status>"
                + "<geopriv/></status><ms:msftE911PidfExtn><ms:ELIN>" + elin + "</ms:ELIN></ms:msftE911PidfExtn>"
                + "</tuple></presence>";
    }

    @Test
    void theElinOfTheLocationStandsForTheCallerWhenTheDeploymentWantsIt() {
        EmergencyCalls elin = new EmergencyCalls(Set.of("911"), false, List.of(), true);
        assertEquals(java.util.Optional.of("+14255550199"), elin.elinFor(withLocation(pidf(" +1 425-555-0199 ")), false));
        assertEquals(java.util.Optional.of("4255550199"), elin.elinFor(withLocation(pidf("4255550199")), false));
        assertTrue(elin.elinFor(withLocation(pidf("4255550199")), true).isEmpty(), "an ESRP reads the PIDF-LO itself");
        assertTrue(new EmergencyCalls(Set.of("911"), false, List.of()).elinFor(withLocation(pidf("4255550199")), false)
                .isEmpty(), "off unless set");
    }

    @Test
    void aLocationWithoutAReadableElinKeepsTheCaller() {
        EmergencyCalls elin = new EmergencyCalls(Set.of("911"), false, List.of(), true);
        assertTrue(elin.elinFor(withLocation(pidf("not a number")), false).isEmpty());
        assertTrue(elin.elinFor(withLocation("<presence><unclosed>"), false).isEmpty(), "malformed XML");
        assertTrue(elin.elinFor(withLocation("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"/>"), false).isEmpty());
        assertTrue(elin.elinFor(SessionBody.of("application/sdp", "v=0\r\n".getBytes()), false).isEmpty(), "no PIDF-LO");
    }

    @Test
    void anExternalEntityInTheLocationIsNeverRead() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("elin", ".txt");
        java.nio.file.Files.writeString(secret, "4255550100");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<presence><ELIN>&x;</ELIN></presence>";
        assertTrue(new EmergencyCalls(Set.of("911"), false, List.of(), true).elinFor(withLocation(xxe), false)
                .isEmpty(), "the entity's file became the caller");
        java.nio.file.Files.delete(secret);
    }
}
