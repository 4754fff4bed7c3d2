package org.opencg.sip.container.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageFramingTest {

    private static final int LIMIT = 1024;

    /** What the framing handed on: the bytes passed, and each refusal as text. */
    private static final class Recorded implements MessageFraming.Sink {
        final ByteArrayOutputStream passed = new ByteArrayOutputStream();
        final List<String> refusals = new ArrayList<>();

        @Override
        public void pass(byte[] bytes, int offset, int length) {
            passed.write(bytes, offset, length);
        }

        @Override
        public void skipped(byte[] headerBlock, int length, int status, String reason) {
            refusals.add(status + " " + firstLine(headerBlock, length));
        }

        @Override
        public void broken(byte[] kept, int length, MessageFraming.Broken why) {
            refusals.add(why + " after " + length);
        }

        String passedText() {
            return passed.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String firstLine(byte[] block, int length) {
        String text = new String(block, 0, length, StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf('\r'));
    }

    private static String message(String method, int bodyLength) {
        return method + " sip:a@gw SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK" + method + "\r\nCall-ID: "
                + method + "\r\nContent-Length: " + bodyLength + "\r\n\r\n" + "b".repeat(bodyLength);
    }

    /** Feeds the stream in pieces of {@code step} bytes, as a connection delivers it. */
    private static Recorded feed(String stream, int step) {
        Recorded recorded = new Recorded();
        MessageFraming framing = new MessageFraming(LIMIT, StreamVia::refusal);
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 0; at < bytes.length; at += step) {
            framing.feed(bytes, at, Math.min(step, bytes.length - at), recorded);
        }
        return recorded;
    }

    @Test
    void messagesWithinTheLimitPassUnchangedWhateverTheChunks() {
        String stream = message("INVITE", 300) + "\r\n\r\n" + message("BYE", 0) + message("INFO", LIMIT - 120);
        for (int step : new int[] {1, 7, 4096}) {
            Recorded recorded = feed(stream, step);
            assertEquals(stream, recorded.passedText(), "in pieces of " + step);
            assertEquals(List.of(), recorded.refusals);
        }
    }

    @Test
    void aMessageWhoseBodyPassesTheLimitIsSkippedAndTheNextOneComesThrough() {
        Recorded recorded = feed(message("INVITE", LIMIT) + message("BYE", 0), 100);
        assertEquals(List.of("513 INVITE sip:a@gw SIP/2.0"), recorded.refusals);
        assertEquals(message("BYE", 0), recorded.passedText());
    }

    @Test
    void aHeaderThatNeverEndsBreaksTheStreamAtTheLimit() {
        MessageFraming framing = new MessageFraming(LIMIT, StreamVia::refusal);
        Recorded recorded = new Recorded();
        byte[] start = "OPTIONS sip:gw SIP/2.0\r\nX-Endless: ".getBytes(StandardCharsets.ISO_8859_1);
        framing.feed(start, 0, start.length, recorded);
        byte[] endless = "y".repeat(100).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 1000; i++) { // 100 KB, a hundred times the limit
            framing.feed(endless, 0, endless.length, recorded);
        }
        assertEquals(List.of("TOO_LARGE after " + LIMIT), recorded.refusals);
        assertEquals("", recorded.passedText());
        assertTrue(framing.broken());
    }

    @Test
    void aBareCarriageReturnOrAWhiteSpaceLineInTheHeaderBreaksTheStream() {
        assertEquals(List.of("MALFORMED after 31"),
                feed("OPTIONS sip:gw SIP/2.0\r\nVia: a\r\r\nCall-ID: 1\r\n\r\n", 5).refusals);
        assertEquals(List.of("MALFORMED after 37"),
                feed("OPTIONS sip:gw SIP/2.0\r\nVia: a\r\n   \r\nCall-ID: 1\r\n\r\n", 5).refusals);
    }

    @Test
    void carriageReturnsWithoutLineFeedsBetweenMessagesAreDropped() {
        // JAIN-SIP's line reader fails on a line of two CRs; only whole line ends reach it.
        Recorded recorded = feed("\r\r\r\n\n" + message("BYE", 0), 3);
        assertEquals("\r\n\n" + message("BYE", 0), recorded.passedText());
    }

    @Test
    void aContentLengthThatIsNotOneNumberBreaksTheStream() {
        for (String lengths : new String[] {"Content-Length: 12x", "l: 5\r\nContent-Length: 6", "l: -1",
                "Content-Length: 9999999999999999999999"}) {
            Recorded recorded = feed("BYE sip:gw SIP/2.0\r\n" + lengths + "\r\n\r\n", 4096);
            assertEquals(1, recorded.refusals.size(), lengths);
            assertTrue(recorded.refusals.get(0).startsWith("MALFORMED"), lengths);
        }
    }

    @Test
    void aRequestWhoseViaNamesUdpIsRefused400AndTheNextOneComesThrough() {
        String udpVia = message("OPTIONS", 5).replace("SIP/2.0/TCP", "SIP/2.0/UDP");
        Recorded recorded = feed(udpVia + message("BYE", 0), 9);
        assertEquals(List.of("400 OPTIONS sip:a@gw SIP/2.0"), recorded.refusals);
        assertEquals(message("BYE", 0), recorded.passedText());
        assertEquals(null, StreamVia.refusal(bytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\n\r\n"), 37));
        String compact = "BYE sip:gw SIP/2.0\r\nv : SIP/2.0/tls h\r\n\r\n";
        assertEquals(null, StreamVia.refusal(bytes(compact), compact.length()));
        String sctp = "BYE sip:gw SIP/2.0\r\nVia: SIP/2.0/SCTP h\r\n\r\n";
        assertEquals("Bad Request (Via transport SCTP over a connection)", StreamVia.refusal(bytes(sctp), sctp.length()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theCompactAndRepeatedEqualContentLengthsFrameTheBody() {
        String stream = "INFO sip:gw SIP/2.0\r\nl : 4\r\ncontent-length:4\r\n\r\nabcd" + message("BYE", 0);
        assertEquals(stream, feed(stream, 2).passedText());
    }
}
