package org.opencg.it.sipapps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.ServletException;
import javax.servlet.sip.Proxy;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.URI;

/**
 * The proxy half of the test application, written only against JSR 289. {@link TestCallsServlet} hands it the
 * INVITEs for {@code fork} (parallel) and {@code hunt} (sequential, 2 s per target): the targets are the
 * comma-separated URIs in {@code X-Target}. It record-routes and supervises:
 * the final responses it saw on branches before the best one are listed in {@code X-Branch-Responses} on the
 * response that goes upstream, so a test on the wire sees that doBranchResponse ran.
 */
@javax.servlet.sip.annotation.SipServlet(name = "TestProxy", applicationName = "test")
public class TestProxyServlet extends SipServlet {

    private static final long serialVersionUID = 1L;
    private static final String BRANCH_RESPONSES = "branchResponses";

    static void proxy(SipServletRequest request, boolean parallel) throws ServletException {
        request.getSession().setHandler("TestProxy");
        SipFactory factory = (SipFactory) request.getSession().getServletContext().getAttribute(SIP_FACTORY);
        List<URI> targets = new ArrayList<>();
        for (String target : request.getHeader("X-Target").split(",")) {
            targets.add(factory.createURI(target.trim()));
        }
        Proxy proxy = request.getProxy();
        proxy.setParallel(parallel);
        proxy.setRecordRoute(true);
        proxy.setSupervised(true);
        proxy.getRecordRouteURI().setParameter("test", "proxy");
        if (!parallel) {
            proxy.setProxyTimeout(2);
        }
        request.getApplicationSession().setAttribute(BRANCH_RESPONSES, new ArrayList<Integer>());
        proxy.proxyTo(targets);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void doBranchResponse(SipServletResponse response) {
        ((List<Integer>) response.getApplicationSession().getAttribute(BRANCH_RESPONSES)).add(response.getStatus());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void doResponse(SipServletResponse response) throws ServletException, IOException {
        List<Integer> seen = (List<Integer>) response.getApplicationSession().getAttribute(BRANCH_RESPONSES);
        if (response.getStatus() >= 200 && "INVITE".equals(response.getMethod()) && seen != null && !seen.isEmpty()) {
            response.setHeader("X-Branch-Responses", seen.toString());
        }
        super.doResponse(response);
    }

    /** A request of the proxied dialog: the popped route must be ours, with the parameter set above. */
    @Override
    protected void doRequest(SipServletRequest request) throws ServletException, IOException {
        boolean viaOurRoute = request.getPoppedRoute() != null
                && "proxy".equals(request.getPoppedRoute().getURI().getParameter("test"));
        if (!"CANCEL".equals(request.getMethod()) && !viaOurRoute) {
            throw new ServletException("a request of the dialog came without our Record-Route: " + request);
        }
        super.doRequest(request);
    }
}
