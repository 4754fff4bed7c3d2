package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SessionBodyTest {

    static final String SDP = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
            + "m=audio 5004 RTP/AVP 0\r\n";
    static final String PIDF = "<?xml version=\"1.0\"?>\r\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
            + "entity=\"pres:alice@example.com\"><tuple id=\"1\"><status><geopriv/></status></tuple></presence>\r\n";
    /** An emergency INVITE's body as Teams sends it: SDP and a PIDF-LO (RFC 6442 §6.1 example form). */
    static final String EMERGENCY = "--boundary1\r\nContent-Type: application/sdp\r\n\r\n" + SDP
            + "\r\n--boundary1\r\nContent-Type: application/pidf+xml\r\nContent-ID: <target123@example.com>\r\n\r\n"
            + PIDF + "\r\n--boundary1--\r\n";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSdpOfAMultipartBodyIsItsSdpPartAndOnlyThatPartIsReplaced() {
        SessionBody body = SessionBody.of("multipart/mixed;boundary=boundary1", bytes(EMERGENCY));
        assertEquals(SDP, body.sdp());
        assertTrue(body.readableMultipart());
        String replaced = new String(body.withSdp("v=0\r\nanchored\r\n"), StandardCharsets.UTF_8);
        assertEquals(EMERGENCY.replace(SDP, "v=0\r\nanchored\r\n"), replaced);
    }

    @Test
    void aQuotedBoundaryAndAPidfFirstAreReadToo() {
        String pidfFirst = "--b\"x\r\nContent-Type: application/pidf+xml\r\n\r\n" + PIDF
                + "\r\n--b\"x\r\ncontent-type: Application/SDP\r\n\r\n" + SDP + "\r\n--b\"x--";
        // A boundary is quoted when it holds characters a token may not (RFC 2045 §5.1).
        SessionBody body = SessionBody.of("multipart/mixed; boundary=\"b\"x\"", bytes(pidfFirst));
        assertEquals(SDP, body.sdp());
    }

    @Test
    void aPlainSdpBodyIsAllSdp() {
        SessionBody body = SessionBody.of("application/sdp", bytes(SDP));
        assertEquals(SDP, body.sdp());
        assertArrayEquals(bytes("v=0\r\n"), body.withSdp("v=0\r\n"));
    }

    @Test
    void bodiesWithoutAReadableSdpHaveNoneAndAreKeptWhole() {
        for (String[] body : new String[][] {
                {"multipart/mixed", EMERGENCY}, // no boundary parameter
                {"multipart/mixed;boundary=boundary1", EMERGENCY.substring(0, EMERGENCY.indexOf("\r\n--boundary1\r\n"))},
                {"application/pidf+xml", PIDF}}) {
            SessionBody parsed = SessionBody.of(body[0], bytes(body[1]));
            assertNull(parsed.sdp(), body[0]);
            assertArrayEquals(bytes(body[1]), parsed.withSdp("v=0\r\n"), body[0]);
        }
        assertNull(SessionBody.of(null, null).sdp());
    }

    @Test
    void aMultipartBodyWithoutSdpGetsItsSdpAsAPartOfItsOwn() {
        String pidfOnly = "--boundary1\r\nContent-Type: application/pidf+xml\r\n\r\n" + PIDF + "\r\n--boundary1--\r\n";
        SessionBody body = SessionBody.of("multipart/mixed;boundary=boundary1", bytes(pidfOnly));
        assertNull(body.sdp());
        String added = new String(body.withSdp(SDP), StandardCharsets.UTF_8);
        assertEquals("--boundary1\r\nContent-Type: application/pidf+xml\r\n\r\n" + PIDF
                + "\r\n--boundary1\r\nContent-Type: application/sdp\r\n\r\n" + SDP + "\r\n--boundary1--\r\n", added);
        assertEquals(SDP, SessionBody.of("multipart/mixed;boundary=boundary1", bytes(added)).sdp());
    }
}
