package org.opencg.sip.container.stream;

import java.text.ParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import javax.sip.message.Request;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;

/**
 * The response to a request the stream framing refuses before JAIN-SIP sees it (513 for a message over the limit,
 * 400 for one that cannot be framed), built statelessly from its header block as RFC 3261 §8.2.6 says: Via, From,
 * To, Call-ID and CSeq copied, a To-tag added. A header block cut at the limit is read up to its last whole line.
 * Responses and ACKs get none (§17.1.1.3), nor does a block without the headers a response needs.
 */
public final class StreamAnswer {

    private StreamAnswer() {
    }

    public static Optional<byte[]> of(byte[] headerBlock, int length, int status, String reason) {
        int whole = length;
        while (whole > 0 && headerBlock[whole - 1] != '\n') {
            whole--;
        }
        if (whole == 0) {
            return Optional.empty();
        }
        byte[] block = Arrays.copyOf(headerBlock, whole + 2);
        block[whole] = '\r';
        block[whole + 1] = '\n';
        try {
            SIPMessage message = new StringMsgParser().parseSIPMessage(block, false, false, null);
            if (!(message instanceof SIPRequest request) || Request.ACK.equals(request.getMethod())
                    || request.getTopmostVia() == null || request.getFrom() == null || request.getTo() == null
                    || request.getCallId() == null || request.getCSeq() == null) {
                return Optional.empty();
            }
            SIPResponse response = request.createResponse(status, reason);
            if (response.getTo().getTag() == null) {
                response.getTo().setTag(UUID.randomUUID().toString().substring(0, 8));
            }
            return Optional.of(response.encodeAsBytes(request.getTopmostVia().getTransport()));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty(); // too broken to answer: the connection is closed unanswered
        }
    }
}
