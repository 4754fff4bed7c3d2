package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Per-trunk national ↔ E.164 rules (acg-behaviour.md §3.5). */
class NumberNormalisationTest {

    private static final NumberNormalisation UK = NumberNormalisation.parse(
            "^0(\\d{9,10})$>+44$1; ^00(\\d+)$>+$1", "^\\+44(\\d+)$>0$1");

    @Test
    void nationalAndInternationalFormsBecomeE164() {
        assertEquals("+442071234567", UK.toE164("02071234567"));
        assertEquals("+33140000000", UK.toE164("0033140000000"));
        assertEquals("+442071234567", UK.toE164("+442071234567"), "E.164 already");
        assertEquals("+442071234567", UK.toE164("020-7123-4567"), "visual separators carry no meaning");
        assertNull(UK.toE164("999"), "a short code is no E.164 number: not for Teams");
        assertNull(UK.toE164("0207abc"));
    }

    @Test
    void e164BecomesTheOperatorsFormWhereARuleSaysSo() {
        assertEquals("02071234567", UK.toOperator("+442071234567"));
        assertEquals("+33140000000", UK.toOperator("+33140000000"), "no rule: unchanged");
        assertEquals("+15105550100", NumberNormalisation.NONE.toOperator("+15105550100"));
        assertEquals("+15105550100", NumberNormalisation.NONE.toE164("+15105550100"));
    }

    @Test
    void aBadRuleIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NumberNormalisation.parse("^0(\\d+$>+44$1", ""));
        assertEquals(true, e.getMessage().contains("^0(\\d+$>+44$1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NumberNormalisation.parse("no-arrow", ""));
    }
}
