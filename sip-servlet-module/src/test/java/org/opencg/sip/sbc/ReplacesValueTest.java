package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencg.sip.container.core.DialogId;

/** Replaces values (RFC 3891 §6.1) and which dialog they name (§3), without a container. */
class ReplacesValueTest {

    @Test
    void aValueHasItsCallIdAndBothTags() {
        ReplacesValue v = ReplacesValue.parse("98732@sip.example.com;from-tag=r33th4x0r ; to-tag=ff87ff;early-only")
                .orElseThrow();
        assertEquals("98732@sip.example.com", v.callId());
        assertEquals("ff87ff", v.toTag());
        assertEquals("r33th4x0r", v.fromTag());
        assertTrue(v.earlyOnly());
        assertFalse(ReplacesValue.parse("a@b;to-tag=1;from-tag=2").orElseThrow().earlyOnly());
    }

    @Test
    void aValueWithoutACallIdOrATagIsNone() {
        for (String bad : new String[] {null, "", "a@b;to-tag=1", "a@b;from-tag=2", ";to-tag=1;from-tag=2",
                "a@b;to-tag=;from-tag=2"}) {
            assertTrue(ReplacesValue.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void itNamesTheDialogWhoseLocalTagIsItsToTag() {
        ReplacesValue v = ReplacesValue.parse("c1@h;to-tag=OURS;from-tag=theirs").orElseThrow();
        assertTrue(v.names(new DialogId("c1@h", "ours", "THEIRS")), "tags compare without case");
        assertFalse(v.names(new DialogId("c1@h", "theirs", "ours")), "the tags the other way round");
        assertFalse(v.names(new DialogId("c2@h", "ours", "theirs")), "another Call-ID");
        assertFalse(v.names(null));
    }

    @Test
    void theFarEndIsAskedWithItsOwnTagAsToTag() {
        DialogId ours = new DialogId("c1@h", "local", "remote");
        assertEquals("c1@h;to-tag=remote;from-tag=local", ours.replacesForRemote());
        assertTrue(ReplacesValue.parse(ours.replacesForRemote()).orElseThrow()
                .names(new DialogId("c1@h", "remote", "local")), "as the far end matches it");
    }
}
