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
 * Every portal page but the sign-in page needs a signed-in user; anyone else is sent to sign in. What is open is
 * decided on the path the container resolved ({@link #resolvedPath}: decoded, with {@code .} and {@code ..} segments
 * applied), never on the URI as the client wrote it, so {@code jakarta.faces.resource/../audit.xhtml} is the audit
 * page and needs a user like it. For a signed-in user the request's changes are the portal's, in that user's name,
 * in the audit trail.
 */
@WebFilter(urlPatterns = "/portal/*")
public class SignInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String SIGN_IN_PAGE = "/portal/login.xhtml";
    /** Faces' style sheets, scripts and images: the sign-in page needs them before anyone has signed in. */
    private static final String RESOURCES = "/portal/jakarta.faces.resource/";

    @Inject
    PortalSession session;

    @Inject
    Actor actor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = resolvedPath(request);
        boolean open = path.equals(SIGN_IN_PAGE) || path.startsWith(RESOURCES);
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

    /** The path the servlet container matched the request with: its servlet path and path info, both normalised. */
    static String resolvedPath(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? request.getServletPath() : request.getServletPath() + info;
    }
}
