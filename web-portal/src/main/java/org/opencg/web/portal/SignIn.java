package org.opencg.web.portal;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.opencg.core.users.PortalUsers;

/** The sign-in form (throttled per name and address: SignInThrottle) and sign-out. */
@Named
@RequestScoped
public class SignIn {

    @EJB(lookup = PortalUsers.JNDI)
    PortalUsers users;

    @Inject
    PortalSession session;

    @Inject
    SignInThrottle throttle;

    private String username;
    private String password;

    public String signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        String address = ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
        if (!throttle.allows(username, address)) {
            password = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Too many failed sign-ins from this address. Try again in 15 minutes.", null));
            return null;
        }
        var user = users.signIn(username, password == null ? new char[0] : password.toCharArray());
        password = null;
        if (user.isEmpty()) {
            throttle.failed(username, address);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Wrong user name or password.", null));
            return null;
        }
        throttle.succeeded(username, address);
        // A new session id on sign-in: one learnt before it (session fixation) is worth nothing after.
        ((HttpServletRequest) faces.getExternalContext().getRequest()).changeSessionId();
        session.signedIn(user.get());
        return "/portal/index.xhtml?faces-redirect=true";
    }

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + SignInFilter.SIGN_IN_PAGE);
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
