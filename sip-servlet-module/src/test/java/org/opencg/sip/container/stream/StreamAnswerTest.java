package org.opencg.sip.container.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StreamAnswerTest {

    private static final String HEADERS = "Via: SIP/2.0/TCP 10.0.0.1:5060;branch=z9hG4bK77\r\n"
            + "From: <sip:a@x>;tag=f1\r\nTo: <sip:b@gw>\r\nCall-ID: big-1\r\nCSeq: 4 INVITE\r\n";

    private static Optional<String> answer(String block, int status, String reason) {
        byte[] bytes = block.getBytes(StandardCharsets.ISO_8859_1);
        return StreamAnswer.of(bytes, bytes.length, status, reason)
                .map(response -> new String(response, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aRequestIsAnsweredWithItsViaCallIdCSeqAndATaggedTo() {
        String response = answer("INVITE sip:b@gw SIP/2.0\r\n" + HEADERS + "Content-Length: 70000\r\n\r\n",
                513, "Message Too Large").orElseThrow();
        assertTrue(response.startsWith("SIP/2.0 513 Message Too Large\r\n"), response);
        assertTrue(response.contains("Via: SIP/2.0/TCP 10.0.0.1:5060;branch=z9hG4bK77\r\n"), response);
        assertTrue(response.contains("Call-ID: big-1\r\n"), response);
        assertTrue(response.contains("CSeq: 4 INVITE\r\n"), response);
        assertTrue(response.matches("(?s).*To: <sip:b@gw>;tag=\\w+\r\n.*"), response);
        assertTrue(response.contains("Content-Length: 0\r\n"), response);
    }

    @Test
    void aHeaderBlockCutAtTheLimitIsAnsweredFromItsWholeLines() {
        String cut = "OPTIONS sip:gw SIP/2.0\r\n" + HEADERS.replace("INVITE", "OPTIONS") + "X-Endless: yyyyyyy";
        assertEquals("SIP/2.0 400 Malformed", answer(cut, 400, "Malformed").orElseThrow().lines().findFirst()
                .orElseThrow());
    }

    @Test
    void responsesAcksAndBlocksWithoutTheNeededHeadersGetNoAnswer() {
        assertEquals(Optional.empty(), answer("SIP/2.0 200 OK\r\n" + HEADERS + "\r\n", 513, "Too Large"));
        assertEquals(Optional.empty(), answer("ACK sip:b@gw SIP/2.0\r\n" + HEADERS.replace("4 INVITE", "4 ACK")
                + "\r\n", 513, "Too Large"));
        assertEquals(Optional.empty(), answer("INVITE sip:b@gw SIP/2.0\r\nCall-ID: x\r\n\r\n", 513, "Too Large"));
        assertEquals(Optional.empty(), answer("X-Endless: yyyy", 513, "Too Large"));
    }
}
