package org.opencg.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The Provisioning API, at the same paths below {@code /api} as ACG's {@code provapi} host. */
@ApplicationPath("/api")
public class ProvisioningApplication extends Application {
}
