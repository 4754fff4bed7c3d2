package org.opencg.web.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the container signs portal users in (Jakarta Security on WildFly's Elytron): the sign-in page hands a name
 * and password to {@code SecurityContext.authenticate}, which lands here and is checked by the identity store
 * ({@link PortalIdentityStore}); the signed-in identity then lives in the HTTP session ({@link AutoApplySession})
 * until sign-out or 30 minutes idle. A request for a protected page without it is sent to the sign-in page. Which
 * pages are protected is web.xml's security constraints, matched by the container on the path it resolved.
 */
@AutoApplySession
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identities.validate(credential);
            // A failure is told on the sign-in page itself; the response is left to it.
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result) : AuthenticationStatus.SEND_FAILURE;
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + SignIn.PAGE);
        }
        return context.doNothing();
    }
}
