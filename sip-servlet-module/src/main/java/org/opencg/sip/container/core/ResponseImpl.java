package org.opencg.sip.container.core;

import java.io.IOException;
import java.io.PrintWriter;
import java.text.ParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.servlet.ServletOutputStream;
import javax.servlet.sip.Proxy;
import javax.servlet.sip.ProxyBranch;
import javax.servlet.sip.Rel100Exception;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP response as servlets see it: received ones (for requests the application sent) and ones the
 * application creates to answer a received request.
 */
final class ResponseImpl extends MessageImpl implements SipServletResponse {

    private final RequestImpl request;
    private final boolean incoming;
    /** True while a proxy branch's final response that is not (yet) the best goes to doBranchResponse (JSR 289 §10). */
    boolean branchResponse;

    ResponseImpl(ContainerContext context, Response response, SipSessionImpl session, Endpoints endpoints,
            RequestImpl request, boolean incoming) {
        super(context, response, session, endpoints);
        this.request = request;
        this.incoming = incoming;
    }

    Response response() {
        return (Response) message;
    }

    @Override
    public SipServletRequest getRequest() {
        return request;
    }

    RequestImpl request() {
        return request;
    }

    @Override
    public String getMethod() {
        return ((CSeqHeader) message.getHeader(CSeqHeader.NAME)).getMethod();
    }

    @Override
    public int getStatus() {
        return response().getStatusCode();
    }

    @Override
    public String getReasonPhrase() {
        return response().getReasonPhrase();
    }

    @Override
    public void setStatus(int status) {
        setStatus(status, null);
    }

    @Override
    public void setStatus(int status, String reason) {
        requireUncommitted();
        try {
            response().setStatusCode(status);
            if (reason != null) {
                response().setReasonPhrase(reason);
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid status " + status, e);
        }
    }

    boolean isFinal() {
        return getStatus() >= 200;
    }

    @Override
    public void send() throws IOException {
        if (incoming) {
            throw new IllegalStateException("a received response cannot be sent again; create one from the request");
        }
        requireUncommitted();
        try {
            session.respond(this, false);
        } catch (SipException | InvalidArgumentException e) {
            throw new IOException("cannot send " + getStatus() + ": " + e.getMessage(), e);
        }
        commit();
        context.metrics().sent(getStatus());
    }

    @Override
    public void sendReliably() throws Rel100Exception {
        if (incoming || getStatus() <= 100 || getStatus() >= 200 || !Request.INVITE.equals(getMethod())) {
            throw new Rel100Exception(Rel100Exception.NOT_1XX);
        }
        if (!request.supports("100rel")) {
            throw new Rel100Exception(Rel100Exception.NO_REQ_SUPPORT);
        }
        requireUncommitted();
        try {
            session.respond(this, true);
        } catch (SipException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot send " + getStatus() + " reliably: " + e.getMessage(), e);
        }
        commit();
        context.metrics().sent(getStatus());
    }

    @Override
    public SipServletRequest createAck() {
        if (getProxy() != null) {
            throw new IllegalStateException("a proxied 2xx is acknowledged by the caller, not the proxy");
        }
        if (!incoming || !Request.INVITE.equals(getMethod()) || getStatus() < 200 || getStatus() >= 300) {
            // RFC 3261 §17.1.1.3: the transaction layer acknowledges non-2xx final responses itself.
            throw new IllegalStateException("ACK is created for a received 2xx to INVITE only");
        }
        return session.createAck(this);
    }

    @Override
    public SipServletRequest createPrack() throws Rel100Exception {
        if (!incoming || getStatus() <= 100 || getStatus() >= 200) {
            throw new Rel100Exception(Rel100Exception.NOT_1XX);
        }
        if (getHeader("RSeq") == null) {
            throw new Rel100Exception(Rel100Exception.NOT_100rel);
        }
        return session.createPrack(this);
    }

    @Override
    public Iterator<String> getChallengeRealms() {
        return List.<String>of().iterator();
    }

    /** The proxy of a response received on one of its branches or for a request of its dialog. */
    @Override
    public Proxy getProxy() {
        return request.branch != null || request.forwardOf != null ? session.proxy() : null;
    }

    @Override
    public ProxyBranch getProxyBranch() {
        return request.branch;
    }

    @Override
    public boolean isBranchResponse() {
        return branchResponse;
    }

    // --- javax.servlet.ServletResponse ------------------------------------------------------------------------

    @Override
    public ServletOutputStream getOutputStream() {
        return null;
    }

    @Override
    public PrintWriter getWriter() {
        return null;
    }

    @Override
    public void setContentLengthLong(long length) {
        setContentLength((int) length);
    }

    @Override
    public void setBufferSize(int size) {
    }

    @Override
    public int getBufferSize() {
        return 0;
    }

    @Override
    public void flushBuffer() throws IOException {
        send();
    }

    @Override
    public void resetBuffer() {
    }

    @Override
    public void reset() {
        throw Unsupported.method(type(), "reset");
    }

    @Override
    public void setLocale(Locale locale) {
        setContentLanguage(locale);
    }

    @Override
    public Locale getLocale() {
        Locale locale = getContentLanguage();
        return locale == null ? Locale.getDefault() : locale;
    }

    @Override
    public ResponseImpl clone() {
        return new ResponseImpl(context, (Response) response().clone(), session, endpoints, request, false);
    }
}
