package org.opencg.it.sipapps;

import java.io.IOException;
import java.io.Serializable;

import javax.servlet.ServletException;
import javax.servlet.sip.B2buaHelper;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TimerListener;
import javax.servlet.sip.TimerService;
import javax.servlet.sip.UAMode;
import javax.servlet.sip.annotation.SipListener;

/**
 * A test application written only against JSR 289, deployed into the container by the integration tests (never
 * part of the product EAR). The user part of the Request-URI picks the behaviour:
 * <ul>
 * <li>{@code uas}: answers 180 then 200 with the offer echoed as answer; BYE gets 200;</li>
 * <li>{@code rel}: answers 183 reliably (100rel), then 200 once the PRACK came;</li>
 * <li>{@code timer}: answers 200 from a ServletTimer 300 ms later;</li>
 * <li>{@code b2b}: a B2BUA to the URI in {@code X-Target}, passing provisional and final responses, ACK,
 * re-INVITE, BYE and CANCEL between the linked legs;</li>
 * <li>{@code uac}: answers 200 and then itself calls {@code X-Target} (UAC origination) and hangs up;</li>
 * <li>{@code fork}, {@code hunt}: proxied by {@link TestProxyServlet} to the targets in {@code X-Target};</li>
 * <li>any other user: 404; OPTIONS: 200 (to an E.164 user: its route, see {@link #doOptions}); REGISTER: 403;
 * an unknown method: 501.</li>
 * </ul>
 */
@javax.servlet.sip.annotation.SipServlet(name = "TestCalls", applicationName = "test")
@SipListener(applicationName = "test")
public class TestCallsServlet extends SipServlet implements TimerListener {

    private static final long serialVersionUID = 1L;

    private static String user(SipServletRequest request) {
        return request.getRequestURI() instanceof SipURI sip ? String.valueOf(sip.getUser()) : "";
    }

    private B2buaHelper helper(SipServletRequest request) {
        return request.getB2buaHelper();
    }

    @Override
    protected void doInvite(SipServletRequest request) throws ServletException, IOException {
        if (!request.isInitial()) {
            SipSession other = helper(request).getLinkedSession(request.getSession());
            if (other == null) {
                answer(request, 200);
            } else {
                helper(request).createRequest(other, request, null).send();
            }
            return;
        }
        switch (user(request)) {
            case "uas" -> {
                request.createResponse(180).send();
                answer(request, 200);
            }
            case "rel" -> {
                SipServletResponse early = request.createResponse(183);
                early.setContent(request.getContent(), request.getContentType());
                try {
                    early.sendReliably();
                } catch (javax.servlet.sip.Rel100Exception e) {
                    throw new ServletException(e);
                }
            }
            case "timer" -> {
                request.getSession().setAttribute("invite", request);
                TimerService timers = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
                timers.createTimer(request.getApplicationSession(), 300, false, request.getSession().getId());
            }
            case "b2b" -> {
                SipServletRequest leg = helper(request).createRequest(request, true, null);
                leg.setRequestURI(sipFactory().createURI(request.getHeader("X-Target")));
                leg.send();
            }
            case "uac" -> {
                answer(request, 200);
                request.getApplicationSession().setAttribute("target", request.getHeader("X-Target"));
            }
            case "fork" -> TestProxyServlet.proxy(request, true);
            case "hunt" -> TestProxyServlet.proxy(request, false);
            default -> request.createResponse(404).send();
        }
    }

    /**
     * OPTIONS to an E.164 user looks the number up in the Provisioning API's routing snapshot, the way the B2BUA
     * routes calls: 200 with {@code X-Route: <account>;<services>;<custom header>;<tenant>}, or 404 when the number
     * is not provisioned. Any other OPTIONS: 200.
     */
    @Override
    protected void doOptions(SipServletRequest request) throws IOException {
        String user = user(request);
        if (!user.startsWith("+")) {
            request.createResponse(200).send();
            return;
        }
        org.opencg.core.routing.Route route = routes().lookup(user);
        if (route == null) {
            request.createResponse(404).send();
            return;
        }
        SipServletResponse found = request.createResponse(200);
        found.setHeader("X-Route", route.account().name() + ";" + new java.util.TreeSet<>(route.number().services()
                .stream().map(org.opencg.core.numbers.Service::property).toList()) + ";"
                + route.number().customSipHeader() + ";" + route.account().teamsTenantId());
        found.send();
    }

    private static volatile org.opencg.core.routing.RoutingSnapshot snapshot;

    /** Looked up once, then read directly, as the routing table's contract says. */
    private static org.opencg.core.routing.RoutingSnapshot routes() {
        if (snapshot == null) {
            try {
                snapshot = ((org.opencg.core.routing.RoutingTable) new javax.naming.InitialContext()
                        .lookup(org.opencg.core.routing.RoutingTable.JNDI)).snapshot();
            } catch (javax.naming.NamingException e) {
                throw new IllegalStateException(e);
            }
        }
        return snapshot;
    }

    /** Methods this application knows nothing of get 501, as RFC 3261 §8.2.1 says. */
    @Override
    protected void doRequest(SipServletRequest request) throws ServletException, IOException {
        if (KNOWN.contains(request.getMethod())) {
            super.doRequest(request);
        } else {
            request.createResponse(501).send();
        }
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("INVITE", "ACK", "OPTIONS", "BYE", "CANCEL",
            "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "MESSAGE", "INFO", "UPDATE", "REFER", "PUBLISH");

    @Override
    protected void doRegister(SipServletRequest request) throws IOException {
        request.createResponse(403, "Not a Registrar").send();
    }

    private javax.servlet.sip.SipFactory sipFactory() {
        return (javax.servlet.sip.SipFactory) getServletContext().getAttribute(SIP_FACTORY);
    }

    private static void answer(SipServletRequest request, int status) throws IOException {
        SipServletResponse response = request.createResponse(status);
        if (request.getContentLength() > 0) {
            response.setContent(request.getRawContent(), request.getContentType());
        }
        response.send();
    }

    @Override
    protected void doPrack(SipServletRequest prack) throws IOException {
        prack.createResponse(200).send();
        for (Object pending : helper(prack).getPendingMessages(prack.getSession(), UAMode.UAS)) {
            if (pending instanceof SipServletRequest invite && "INVITE".equals(invite.getMethod())) {
                answer(invite, 200);
            }
        }
    }

    @Override
    public void timeout(ServletTimer timer) {
        for (var sessions = timer.getApplicationSession().getSessions("SIP"); sessions.hasNext();) {
            SipSession session = (SipSession) sessions.next();
            if (session.getId().equals(timer.getInfo()) && session.getAttribute("invite") instanceof SipServletRequest invite) {
                try {
                    answer(invite, 200);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    protected void doAck(SipServletRequest ack) throws IOException, ServletException {
        Object target = ack.getApplicationSession().getAttribute("target");
        if (target != null) {
            ack.getApplicationSession().removeAttribute("target");
            SipServletRequest invite = sipFactory().createRequest(ack.getApplicationSession(), "INVITE",
                    "<sip:gateway@127.0.0.1>", target.toString());
            invite.setContent(ack.getSession().getAttribute("sdp") == null ? sdp() : ack.getSession().getAttribute("sdp"),
                    "application/sdp");
            invite.send();
        }
    }

    private static String sdp() {
        return "v=0\r\no=opencg 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
    }

    @Override
    protected void doBye(SipServletRequest bye) throws IOException {
        SipSession other = helper(bye).getLinkedSession(bye.getSession());
        if (other == null) {
            bye.createResponse(200).send();
        } else {
            helper(bye).createRequest(other, bye, null).send();
        }
    }

    @Override
    protected void doCancel(SipServletRequest cancel) throws IOException {
        SipSession other = helper(cancel).getLinkedSession(cancel.getSession());
        if (other != null) {
            helper(cancel).createCancel(other).send();
        }
    }

    @Override
    protected void doProvisionalResponse(SipServletResponse response) throws IOException {
        SipServletRequest original = helper(response.getRequest()).getLinkedSipServletRequest(response.getRequest());
        if (original != null && response.getStatus() > 100) {
            original.createResponse(response.getStatus()).send();
        }
    }

    @Override
    protected void doSuccessResponse(SipServletResponse response) throws IOException {
        if ("INVITE".equals(response.getMethod())) {
            response.createAck().send();
        }
        if ("uac-bye".equals(response.getSession().getAttribute("state"))) {
            return;
        }
        SipServletRequest original = helper(response.getRequest()).getLinkedSipServletRequest(response.getRequest());
        if (original != null) {
            SipServletResponse answer = original.createResponse(response.getStatus());
            if (response.getContentLength() > 0) {
                answer.setContent(response.getRawContent(), response.getContentType());
            }
            answer.send();
        } else if ("INVITE".equals(response.getMethod()) && response.getRequest().isInitial()) {
            // UAC origination: the call we placed is up; hang up after the ACK.
            response.getSession().setAttribute("state", "uac-bye");
            response.getSession().createRequest("BYE").send();
        }
    }

    @Override
    protected void doErrorResponse(SipServletResponse response) throws IOException {
        SipServletRequest original = helper(response.getRequest()).getLinkedSipServletRequest(response.getRequest());
        if (original != null && response.getStatus() != 487 && !original.isCommitted()) {
            original.createResponse(response.getStatus()).send();
        }
    }
}
