package org.opencg.sip.container.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.sip.message.Request;

import org.junit.jupiter.api.Test;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;

class MessageLimitsTest {

    private static Request parse(String requestUri, String extraHeaders, String body) throws Exception {
        String text = "INVITE " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                + "From: <sip:+4930111@operator.example>;tag=1\r\n"
                + "To: <sip:+4930222@gateway.example>\r\n"
                + "Call-ID: limits-1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Max-Forwards: 70\r\n"
                + extraHeaders
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SIPMessage message = new StringMsgParser().parseSIPMessage(bytes, true, false, null);
        message.setSize(bytes.length);
        return (Request) message;
    }

    private static Optional<MessageLimits.Refusal> check(String requestUri, String headers, String body) throws Exception {
        return MessageLimits.check(parse(requestUri, headers, body));
    }

    @Test
    void anOrdinaryInvitePasses() throws Exception {
        assertEquals(Optional.empty(), check("sip:+4930222@gateway.example;user=phone", "Supported: 100rel, timer\r\n",
                "v=0\r\n"));
    }

    @Test
    void aMessageOverTenKilobytesIs513() throws Exception {
        String body = "a=x-pad:" + "x".repeat(10 * 1024) + "\r\n";
        assertEquals(513, check("sip:+4930222@gateway.example", "", body).orElseThrow().status());
    }

    @Test
    void aLongRequestUriOrUserinfoIs414() throws Exception {
        assertEquals(414, check("sip:+4930222@gateway.example;x=" + "y".repeat(260), "", "").orElseThrow().status());
        assertEquals(414, check("sip:" + "1".repeat(257) + "@gw", "", "").orElseThrow().status());
    }

    @Test
    void overlongHeadersAre400WithTheReasonNamed() throws Exception {
        assertEquals("Header Name Too Long",
                check("sip:a@gw", "X-" + "N".repeat(31) + ": 1\r\n", "").orElseThrow().reason());
        assertEquals("Contact URI Too Long",
                check("sip:a@gw", "Contact: <sip:a@" + "h".repeat(260) + ">\r\n", "").orElseThrow().reason());
        assertEquals("Option Tag Too Long",
                check("sip:a@gw", "Require: " + "t".repeat(33) + "\r\n", "").orElseThrow().reason());
        Optional<MessageLimits.Refusal> supported = check("sip:a@gw",
                "Supported: " + "tag12345678901234567890,".repeat(11) + "x\r\n", "");
        assertEquals(400, supported.orElseThrow().status());
        assertTrue(supported.get().reason().startsWith("Supported"));
    }

    @Test
    void aHeaderNameOfExactly32BytesIsStillAccepted() throws Exception {
        assertEquals(Optional.empty(), check("sip:a@gw", "X-" + "N".repeat(30) + ": 1\r\n", ""));
    }
}
