package org.opencg.core.trunks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeaderRuleTest {

    @Test
    void eachKindOfRuleReadsAsWritten() {
        HeaderRule add = HeaderRule.parse("toward invite add P-Early-Media: supported");
        assertEquals(HeaderRule.Action.ADD, add.action());
        assertEquals("P-Early-Media", add.header());
        assertEquals("supported", add.value());
        assertTrue(add.appliesTo(HeaderRule.Direction.TOWARD, "INVITE"));
        assertFalse(add.appliesTo(HeaderRule.Direction.TOWARD, "BYE"), "INVITE only");
        assertFalse(add.appliesTo(HeaderRule.Direction.FROM, "INVITE"), "toward the trunk only");

        HeaderRule remove = HeaderRule.parse("  FROM  all  remove   X-Internal-Route ");
        assertEquals(HeaderRule.Action.REMOVE, remove.action());
        assertTrue(remove.appliesTo(HeaderRule.Direction.FROM, "BYE"));

        HeaderRule replace = HeaderRule.parse("from invite replace P-Asserted-Identity ^<sip:00(\\d+)@ => <sip:+$1@");
        assertEquals("<sip:+442079460000@core.example>", replace.replaced("<sip:00442079460000@core.example>"));
        assertEquals("<sip:+44@x>", replace.replaced("<sip:+44@x>"), "no match: unchanged");
        assertEquals("from the trunk, INVITE: replace in P-Asserted-Identity /^<sip:00(\\d+)@/ with \"<sip:+$1@\"",
                replace.describe());
        assertEquals("toward the trunk, INVITE: add P-Early-Media: supported", add.describe());
    }

    @Test
    void aRuleThatCannotWorkIsRefusedInPlainWords() {
        assertRefused("toward invite add", "is not '<toward|from>");
        assertRefused("towards invite add X-A: 1", "'towards' is not toward or from");
        assertRefused("toward options add X-A: 1", "'options' is not invite or all");
        assertRefused("toward invite append X-A: 1", "'append' is not add, remove or replace");
        assertRefused("toward invite add X A: 1", "'X A' is not a header name");
        assertRefused("toward invite add X-A 1", "add needs '<header>: <value>'");
        assertRefused("toward invite add X-A:   ", "add X-A has no value");
        assertRefused("toward all remove Via", "Via is the gateway's own");
        assertRefused("from invite replace call-id x => y", "call-id is the gateway's own");
        assertRefused("toward invite add X-A: one\r\nInjected: two", "control character");
        assertRefused("from invite replace P-Asserted-Identity ([a-z => x", "does not compile");
        assertRefused("from invite replace P-Asserted-Identity ^00 => +$1", "names $1 but the regex '^00' has 0 groups");
        assertRefused("from invite replace P-Asserted-Identity ^00", "replace needs '<header> <regex> => ");
    }

    private static void assertRefused(String rule, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeaderRule.parse(rule), rule);
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
