package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test: the SIPp peers are stopped, and every call of the test has ended completely within 5 s, with no
 * application session and no SIP session left in the container (read from /metrics, as an operator would).
 */
public final class NothingLeftBehind implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Sipp.stopAll();
        assertEquals(0.0, Metrics.awaitValue("opencg_sip_application_sessions", "", 0, 5), "application sessions left");
        assertEquals(0.0, Metrics.awaitValue("opencg_sip_sessions", "", 0, 5), "SIP sessions left");
    }
}
