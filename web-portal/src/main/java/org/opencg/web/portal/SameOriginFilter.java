package org.opencg.web.portal;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a portal change that another site's page made the browser send ({@link SameOrigin}): the second guard
 * against request forgery besides JSF's view state, which a forged form cannot know, and the session cookie's
 * {@code SameSite=Strict} (WEB-INF/undertow-handlers.conf), which a cross-site request does not carry.
 */
@WebFilter(urlPatterns = "/portal/*")
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SameOriginFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        String referer = request.getHeader("Referer");
        if (!SameOrigin.allows(request.getMethod(), origin, referer, request.getHeader("Host"))) {
            LOG.warning(() -> "portal " + request.getMethod() + " " + request.getRequestURI() + " from "
                    + request.getRemoteAddr() + " refused: Origin " + origin + ", Referer " + referer
                    + ", Host " + request.getHeader("Host"));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Refused: this change was not sent from a page of this portal.\n");
            return;
        }
        chain.doFilter(request, response);
    }
}
