package org.opencg.web.portal;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opencg.core.audit.Actor;

/**
 * What every portal answer carries: for a signed-in user, the request's changes are the portal's, in that user's
 * name, in the audit trail; pages are never cached or framed. Who may see a page is not decided here but by the
 * container, from web.xml's security constraints (every page but the sign-in page and its resources needs a signed-in
 * user), matched on the path it resolved.
 */
@WebFilter(urlPatterns = "/portal/*")
public class PortalPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    PortalSession session;

    @Inject
    Actor actor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (session.isSignedIn()) {
            actor.set(session.getUsername(), Actor.PORTAL, request.getRemoteAddr());
        }
        // Pages show a user's data: never from a shared cache, never back from the browser's after sign-out.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
