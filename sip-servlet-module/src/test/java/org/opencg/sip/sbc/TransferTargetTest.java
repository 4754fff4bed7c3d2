package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The Refer-To values of Teams' REFERs (acg-behaviour.md §3.8) and what they transfer to. */
class TransferTargetTest {

    @Test
    void anE164UserIsAPstnTarget() {
        TransferTarget target = TransferTarget.parse("<sip:+14255550101@sip.pstnhub.microsoft.com;user=phone>")
                .orElseThrow();
        assertEquals("+14255550101", target.number());
        assertNull(target.replaces());
        assertEquals(false, target.backToTeams());
    }

    @Test
    void anMriIsATeamsUserReachedBackThroughTheProxyItIsSentTo() {
        TransferTarget target = TransferTarget.parse("\"Bob\" <sip:sip.pstnhub.microsoft.com;x-m=8:orgid:"
                + "2f6f7e6a-aaaa-bbbb-cccc-0123456789ab;x-t=72f988bf-86f1-41af-91ab-2d7cd011db47>").orElseThrow();
        assertTrue(target.backToTeams());
        assertTrue(target.teamsUriAt("127.0.0.1", 15071).startsWith("sip:127.0.0.1:15071;x-m=8:orgid:"));
        TransferTarget withUser = TransferTarget.parse("<sip:bob@sip.pstnhub.microsoft.com;x-m=8:orgid:1;x-t=t1>")
                .orElseThrow();
        assertEquals("sip:bob@127.0.0.1:5061;x-m=8:orgid:1;x-t=t1", withUser.teamsUriAt("127.0.0.1", 5061));
        assertTrue(target.teamsUri().contains(";x-t=72f988bf-86f1-41af-91ab-2d7cd011db47"), target.teamsUri());
    }

    @Test
    void replacesIsTakenFromTheUriHeadersAndUnescapedButNeverPartOfTheUri() {
        TransferTarget target = TransferTarget.parse("<sip:+442079460100@sip.pstnhub.microsoft.com;user=phone"
                + "?Replaces=a+b%40host%3Bto-tag%3D1%3Bfrom-tag%3D2>").orElseThrow();
        assertEquals("a+b@host;to-tag=1;from-tag=2", target.replaces());
        assertEquals("+442079460100", target.number());
    }

    @Test
    void nothingToTransferToIsEmpty() {
        assertEquals(Optional.empty(), TransferTarget.parse(null));
        assertEquals(Optional.empty(), TransferTarget.parse("<sip:alice@example.com>"), "not E.164, no MRI");
        assertEquals(Optional.empty(), TransferTarget.parse("garbage"));
    }
}
