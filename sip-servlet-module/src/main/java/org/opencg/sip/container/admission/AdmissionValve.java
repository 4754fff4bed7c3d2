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
 * transaction, a dropped one not at all), responses the {@link StrayResponseValve}.
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
            forbid(request, channel);
        }
        return verdict == Admission.Verdict.PASS;
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

    /** 403 without a transaction (RFC 3261 §8.2.6: a stateless final answer carries a To tag of its own). */
    private static void forbid(SIPRequest request, MessageChannel channel) {
        try {
            SIPResponse response = request.createResponse(Response.FORBIDDEN, "Forbidden");
            if (response.getTo() != null && response.getTo().getTag() == null) {
                response.getTo().setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
            }
            channel.sendMessage(response);
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            LOG.log(Level.FINE, "could not answer 403", e);
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
