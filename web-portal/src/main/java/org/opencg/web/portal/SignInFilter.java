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
 * Every portal page but the sign-in page needs a signed-in user; anyone else is sent to sign in. For a signed-in
 * user the request's changes are the portal's, in that user's name, in the audit trail.
 */
@WebFilter(urlPatterns = "/portal/*")
public class SignInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String SIGN_IN_PAGE = "/portal/login.xhtml";

    @Inject
    PortalSession session;

    @Inject
    Actor actor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean open = path.equals(SIGN_IN_PAGE) || path.startsWith("/portal/jakarta.faces.resource/");
        if (!open && !session.isSignedIn()) {
            response.sendRedirect(request.getContextPath() + SIGN_IN_PAGE);
            return;
        }
        if (session.isSignedIn()) {
            actor.set(session.getUsername(), Actor.PORTAL, request.getRemoteAddr());
        }
        // Pages show a user's data: never from a shared cache, never back from the browser's after sign-out.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
