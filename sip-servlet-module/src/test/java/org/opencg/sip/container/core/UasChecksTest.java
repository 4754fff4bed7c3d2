package org.opencg.sip.container.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.sip.message.Request;

import org.junit.jupiter.api.Test;

import gov.nist.javax.sip.parser.StringMsgParser;

class UasChecksTest {

    private static Optional<UasChecks.Refusal> check(String method, String uri, String headers, String type, String body)
            throws Exception {
        String text = method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                + "From: <sip:a@op.example>;tag=1\r\nTo: <sip:b@gw.example>\r\nCall-ID: c1\r\n"
                + "CSeq: 1 " + method + "\r\nMax-Forwards: 70\r\n" + headers
                + (type == null ? "" : "Content-Type: " + type + "\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        return UasChecks.check((Request) new StringMsgParser()
                .parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null));
    }

    @Test
    void sipSipsAndTelRequestUrisPassOthersAre416() throws Exception {
        assertEquals(Optional.empty(), check("OPTIONS", "sip:b@gw.example", "", null, ""));
        assertEquals(Optional.empty(), check("OPTIONS", "tel:+4930222", "", null, ""));
        assertEquals(416, check("OPTIONS", "soap.beep://192.0.2.103:3002", "", null, "").orElseThrow().status());
    }

    @Test
    void anUnknownRequiredExtensionIs420ListingIt() throws Exception {
        UasChecks.Refusal refusal = check("INVITE", "sip:b@gw.example", "Require: 100rel, foo\r\n", null, "")
                .orElseThrow();
        assertEquals(420, refusal.status());
        assertEquals("Unsupported", refusal.headerName());
        assertEquals("foo", refusal.headerValue());
        assertEquals(Optional.empty(), check("INVITE", "sip:b@gw.example", "Require: 100rel\r\n", null, ""));
    }

    @Test
    void anInviteBodyThatIsNeitherSdpNorMultipartIs415WithAccept() throws Exception {
        UasChecks.Refusal refusal = check("INVITE", "sip:b@gw.example", "", "application/unknownformat", "<audio>")
                .orElseThrow();
        assertEquals(415, refusal.status());
        assertEquals("Accept", refusal.headerName());
        assertEquals(Optional.empty(), check("INVITE", "sip:b@gw.example", "", "application/sdp", "v=0\r\n"));
        assertEquals(Optional.empty(), check("INFO", "sip:b@gw.example", "", "application/dtmf-relay", "Signal=1\r\n"));
    }

    @Test
    void aBodyWhoseContentTypeDidNotParseIs415() throws Exception {
        // JAIN-SIP drops a Content-Type it cannot parse (here: a NUL in it) and keeps the body.
        UasChecks.Refusal refusal = check("INVITE", "sip:b@gw.example", "", "application/sd\0p", "v=0\r\n")
                .orElseThrow();
        assertEquals(415, refusal.status());
        assertEquals("Missing Content-Type", refusal.reason());
    }

    @Test
    void anInviteWithoutAFromTagIs400() throws Exception {
        String text = "INVITE sip:b@gw.example SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                + "From: <sip:a@op.example>\r\nTo: <sip:b@gw.example>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n"
                + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        UasChecks.Refusal refusal = UasChecks.check((Request) new StringMsgParser()
                .parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null)).orElseThrow();
        assertEquals(400, refusal.status());
        assertEquals("Missing From Tag", refusal.reason());
    }
}
