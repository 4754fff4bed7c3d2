package org.opencg.web.portal;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opencg.core.users.PortalUsers;

/**
 * The sign-in form and sign-out. Signing in is the container's (Jakarta Security with {@link PortalIdentityStore}),
 * throttled per name and address first ({@link SignInThrottle}).
 */
@Named
@RequestScoped
public class SignIn {

    /** The sign-in page, open to everyone (web.xml). */
    static final String PAGE = "/portal/login.xhtml";

    @Inject
    PortalSession session;

    @Inject
    SignInThrottle throttle;

    @Inject
    SecurityContext security;

    private String username;
    private String password;

    public String signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        String address = request.getRemoteAddr();
        if (!throttle.allows(username, address)) {
            password = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Too many failed sign-ins from this address. Try again in 15 minutes.", null));
            return null;
        }
        // A new session id before signing in: one learnt before (session fixation) is worth nothing after.
        request.changeSessionId();
        // The container signs the user in (Jakarta Security on Elytron, PortalIdentityStore): from here on the
        // request's caller and roles are the container's, which web.xml's constraints are checked against.
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username == null ? "" : username,
                        new Password(password == null ? "" : password)))
                .newAuthentication(true));
        password = null;
        if (status != AuthenticationStatus.SUCCESS) {
            throttle.failed(username, address);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Wrong user name or password.", null));
            return null;
        }
        throttle.succeeded(username, address);
        session.signedIn(security.getCallerPrincipal().getName(), PortalUsers.ROLES.stream()
                .filter(security::isCallerInRole).collect(java.util.stream.Collectors.toSet()));
        return "/portal/index.xhtml?faces-redirect=true";
    }

    public void signOut() throws IOException, jakarta.servlet.ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + SignIn.PAGE);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
