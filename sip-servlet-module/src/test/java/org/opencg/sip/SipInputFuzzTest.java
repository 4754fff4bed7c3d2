package org.opencg.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.ParseException;

import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;

import com.code_intelligence.jazzer.junit.FuzzTest;

import gov.nist.javax.sip.message.SIPMessage;
import org.opencg.sip.container.core.EarlyShedding;
import org.opencg.sip.container.core.MessageLimits;
import org.opencg.sip.container.core.Overload;
import org.opencg.sip.container.core.StrictParser;
import org.opencg.sip.container.core.UasChecks;
import org.opencg.sip.container.stream.MessageFraming;
import org.opencg.sip.container.stream.StreamAnswer;
import org.opencg.sip.container.stream.StreamVia;
import org.opencg.sip.sbc.SdpNormaliser;
import org.opencg.sip.sbc.SdpPolicy;
import org.opencg.sip.sbc.SessionBody;

/**
 * A coverage-guided fuzzer (Jazzer) over the SIP entry path: the same bytes as a TCP or TLS stream through the
 * framing and its answers, and as a datagram through the receiver's shedding (EarlyShedding, its gate closed), the
 * parser, RFC 3261's checks, ACG's limits, the message's encoding, the body's SDP (SessionBody) and the SDP
 * normaliser. Whatever the bytes, each step passes them on or
 * refuses them in its own way (a ParseException, a refusal, a framing verdict); any other exception, or a hang, is a
 * finding.
 *
 * <p>Its inputs are RFC 4475's torture messages and every input a fuzzing run found failing, kept in
 * {@code SipInputFuzzTestInputs/} (Jazzer writes a new finding into the method's directory there): a plain test run
 * replays them, and they seed each fuzzing run. {@code ./opencg test} also fuzzes
 * {@link #entryPath} for a bounded number of inputs; {@code ./opencg bench fuzz} fuzzes {@link #entryPathLong}.
 */
class SipInputFuzzTest {

    private static final int LIMIT = 64 * 1024;
    /** New calls refused from their bytes at the receiver, as at the call limit (the gate closed). */
    private static final EarlyShedding AT_LIMIT;

    static {
        Overload gated = Overload.bounded(1);
        gated.gate().limitCalls(1, "Service Unavailable (fuzzing)");
        gated.gate().callsInProgress(1);
        gated.neverShed(java.util.Set.of("911"));
        AT_LIMIT = new EarlyShedding(gated, (address, port, source, agent) -> true);
    }

    @FuzzTest(maxExecutions = 20_000, maxDuration = "3m")
    void entryPath(byte[] input) {
        asStream(input);
        asDatagram(input);
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "60m")
    void entryPathLong(byte[] input) {
        entryPath(input);
    }

    /** The bytes as a connection delivers them, in pieces whose size the first byte chooses. */
    private static void asStream(byte[] input) {
        int piece = input.length == 0 ? 1 : 1 + (input[0] & 0x3F);
        long[] passed = new long[1];
        MessageFraming framing = new MessageFraming(LIMIT, StreamVia::refusal);
        MessageFraming.Sink sink = new MessageFraming.Sink() {
            @Override
            public void pass(byte[] bytes, int offset, int length) {
                passed[0] += length;
            }

            @Override
            public void skipped(byte[] headerBlock, int length, int status, String reason) {
                StreamAnswer.of(headerBlock, length, status, reason);
            }

            @Override
            public void broken(byte[] kept, int length, MessageFraming.Broken why) {
                StreamAnswer.of(kept, length, 400, "Malformed");
            }
        };
        for (int at = 0; at < input.length; at += piece) {
            framing.feed(input, at, Math.min(piece, input.length - at), sink);
        }
        assertTrue(passed[0] <= input.length, "the framing passed more than it read");
    }

    /** The bytes as one UDP datagram, through what the container does before a servlet sees a request. */
    private static void asDatagram(byte[] input) {
        byte[] shed = AT_LIMIT.judge(input, input.length, 0, java.net.InetAddress.getLoopbackAddress(), "127.0.0.1",
                5060);
        assertTrue(shed == null || shed.length == 0 || new String(shed, java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("SIP/2.0 503 "), "the receiver answers only 503");
        SIPMessage message;
        try {
            message = new StrictParser().parseSIPMessage(input, true, false, null);
        } catch (ParseException refused) {
            return;
        }
        if (message == null) {
            return;
        }
        message.encode();
        if (message instanceof Request request && request.getRequestURI() != null) {
            MessageLimits.check(request);
            UasChecks.check(request);
        }
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        byte[] body = message.getRawContent();
        if (type != null && body != null) {
            // The SDP of the body, alone or a multipart part (an emergency call's), as the B2BUA finds and anchors it.
            String contentType = ((gov.nist.javax.sip.header.SIPHeader) type).getHeaderValue();
            SessionBody session = SessionBody.of(contentType, body);
            if (session.sdp() != null) {
                SdpNormaliser.normalise(session.sdp(), SdpPolicy.TEAMS);
                // The anchored SDP put back is what the next hop finds as the body's SDP, every other byte kept.
                assertEquals("v=0", SessionBody.of(contentType, session.withSdp("v=0")).sdp());
            }
        }
    }
}
