package org.opencg.sip.container.admission;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.SIPMessageValve;

import org.opencg.sip.container.core.StrayResponseValve;

/**
 * JAIN-SIP's one message valve ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}), which sees every parsed message
 * before a transaction exists: requests pass {@link Admission} (a refused one is answered 403 without a
 * transaction, a dropped one not at all) and must name in their top Via the transport they came on (else 400),
 * responses pass the {@link StrayResponseValve}.
 */
public final class AdmissionValve implements SIPMessageValve {

    private static final Logger LOG = Logger.getLogger(AdmissionValve.class.getName());

    private final StrayResponseValve responses = new StrayResponseValve();
    private volatile Admission admission;

    @Override
    public void init(SipStack stack) {
        responses.init(stack);
        admission = Admission.of(((SipStackImpl) stack).getStackName());
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        try {
            return admitted(request, channel);
        } catch (RuntimeException e) {
            // JAIN-SIP would drop the message without a word; a request nobody could judge is not let in either.
            LOG.log(Level.WARNING, "SIP admission failed on a " + request.getMethod() + "; dropped", e);
            return false;
        }
    }

    private boolean admitted(SIPRequest request, MessageChannel channel) {
        Admission current = admission;
        if (current == null) {
            current = Admission.of(((SipStackImpl) channel.getSIPStack()).getStackName());
            if (current == null) {
                return true; // a stack the container did not start
            }
            admission = current;
        }
        InetAddress source = sourceOf(request, channel);
        MessageProcessor point = channel.getMessageProcessor();
        javax.sip.header.Header agent = request.getHeader("User-Agent");
        Admission.Verdict verdict = current.request(point.getIpAddress().getHostAddress(), point.getPort(), source,
                agent == null ? null : agent.toString());
        if (verdict == Admission.Verdict.REFUSE && !Request.ACK.equals(request.getMethod())) {
            answer(request, channel, Response.FORBIDDEN, "Forbidden");
        }
        if (verdict == Admission.Verdict.PASS && !answerableVia(request, channel)) {
            // The answer goes where the top Via says, on its transport (RFC 3261 §18.2.2): a datagram claiming TCP
            // or TLS made the gateway open a connection to wherever it said, and an unknown transport left the
            // request unanswered. Such a request is answered 400 over the channel it came on.
            if (!Request.ACK.equals(request.getMethod())) {
                answer(request, channel, Response.BAD_REQUEST, "Bad Request (Via transport "
                        + request.getTopmostVia().getTransport() + " over " + channel.getTransport() + ")");
            }
            return false;
        }
        return verdict == Admission.Verdict.PASS;
    }

    /**
     * Whether the top Via names a transport the gateway speaks and, for a datagram, UDP. Over a connection TCP and TLS
     * are both taken: the answer goes back on the connection, and peers behind a TLS-terminating front send TCP.
     */
    private static boolean answerableVia(SIPRequest request, MessageChannel channel) {
        gov.nist.javax.sip.header.Via via = request.getTopmostVia();
        String transport = via == null || via.getTransport() == null ? null
                : via.getTransport().toUpperCase(java.util.Locale.ROOT);
        if (transport == null) {
            return true;
        }
        return "UDP".equalsIgnoreCase(channel.getTransport()) ? transport.equals("UDP")
                : transport.equals("TCP") || transport.equals("TLS");
    }

    private static InetAddress sourceOf(SIPRequest request, MessageChannel channel) {
        if (request.getRemoteAddress() != null) {
            return request.getRemoteAddress();
        }
        try {
            return InetAddress.getByName(channel.getPeerAddress()); // a literal address: nothing is resolved
        } catch (UnknownHostException e) {
            throw new IllegalStateException("no source address for a request", e);
        }
    }

    /**
     * A final answer without a transaction, over the channel the request came on (RFC 3261 §8.2.6: a stateless final
     * answer carries a To tag of its own).
     */
    private static void answer(SIPRequest request, MessageChannel channel, int status, String reason) {
        try {
            SIPResponse response = request.createResponse(status, reason);
            if (response.getTo() != null && response.getTo().getTag() == null) {
                response.getTo().setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
            }
            if (channel.getMessageProcessor() instanceof org.opencg.sip.container.core.UdpReceiver udp
                    && request.getRemoteAddress() != null) {
                // Back to the datagram's source: JAIN-SIP's channel would follow the Via, even to TLS.
                udp.answer(response.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        request.getRemoteAddress(), request.getRemotePort());
            } else {
                channel.sendMessage(response); // on the connection the request came on
            }
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            LOG.log(Level.FINE, "could not answer " + status, e);
        }
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return responses.processResponse(response, channel);
    }

    @Override
    public void destroy() {
        responses.destroy();
    }
}
