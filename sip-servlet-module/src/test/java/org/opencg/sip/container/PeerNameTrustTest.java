package org.opencg.sip.container;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a client certificate's name is matched against a side's names (the handshake itself: TlsIT). */
class PeerNameTrustTest {

    @Test
    void aWildcardStandsForOneLeftmostLabelAndNamesIgnoreCase() {
        assertTrue(PeerNameTrust.matches("*.pstnhub.microsoft.com", "sip.pstnhub.microsoft.com"));
        assertTrue(PeerNameTrust.matches("*.PSTNhub.microsoft.com", "sip2.pstnhub.microsoft.com"));
        assertFalse(PeerNameTrust.matches("*.pstnhub.microsoft.com", "a.sip.pstnhub.microsoft.com"));
        assertFalse(PeerNameTrust.matches("*.pstnhub.microsoft.com", "pstnhub.microsoft.com"));
        assertFalse(PeerNameTrust.matches("*.pstnhub.microsoft.com", "sip.pstnhub.microsoft.com.evil.example"));
        assertFalse(PeerNameTrust.matches("*.pstnhub.microsoft.com", "evilpstnhub.microsoft.com"));
        assertTrue(PeerNameTrust.matches("teams-emulator", "teams-emulator"));
        assertFalse(PeerNameTrust.matches("teams-emulator", "teams-emulator.example"));
    }
}
