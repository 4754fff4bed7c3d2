package org.opencg.web.api.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.eclipse.microprofile.config.ConfigProvider;
import org.opencg.core.config.StartupFailure;

/**
 * Reads the API's security settings as the web application starts, so that one the API could never work with
 * (a JWKS URL without an audience, a bad allowlist) stops the start with a line naming it instead of answering
 * every request 500 later. {@code ./opencg run} checks the audience before it starts anything.
 */
@WebListener
public class ApiSettingsCheck implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            ApiSecuritySettings.from(ConfigProvider.getConfig());
        } catch (IllegalStateException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw colon < 0 ? new StartupFailure("opencg.api", message, e)
                    : new StartupFailure(message.substring(0, colon), message.substring(colon + 2), e);
        }
    }
}
