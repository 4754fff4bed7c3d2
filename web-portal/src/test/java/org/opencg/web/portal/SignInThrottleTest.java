package org.opencg.web.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Who is kept from signing in after failures, and who is not. */
class SignInThrottleTest {

    @Test
    void fiveFailuresForANameFromAnAddressStopThatNameFromThatAddressOnly() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < SignInThrottle.PER_NAME; i++) {
            assertTrue(throttle.allows("admin", "192.0.2.1"));
            throttle.failed("admin", "192.0.2.1");
        }
        assertFalse(throttle.allows("admin", "192.0.2.1"));
        assertFalse(throttle.allows(" ADMIN ", "192.0.2.1"), "the same name in another case");
        assertTrue(throttle.allows("admin", "192.0.2.2"), "the administrator signs in from elsewhere");
        assertTrue(throttle.allows("alice", "192.0.2.1"), "another name from the same address");
    }

    @Test
    void twentyFailuresFromAnAddressStopItWhateverTheName() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            throttle.failed("guess-" + i, "192.0.2.9");
        }
        assertFalse(throttle.allows("someone-new", "192.0.2.9"));
        assertTrue(throttle.allows("someone-new", "192.0.2.10"));
    }

    @Test
    void aGoodSignInClearsTheNamesFailures() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < SignInThrottle.PER_NAME - 1; i++) {
            throttle.failed("bob", "192.0.2.3");
        }
        throttle.succeeded("bob", "192.0.2.3");
        throttle.failed("bob", "192.0.2.3");
        assertTrue(throttle.allows("bob", "192.0.2.3"));
    }
}
