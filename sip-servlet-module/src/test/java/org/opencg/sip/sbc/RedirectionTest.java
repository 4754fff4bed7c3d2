package org.opencg.sip.sbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** History-Info from Teams on the operator leg, as History-Info or Diversion (acg-behaviour.md §3.9, RFC 6044). */
class RedirectionTest {

    /** Teams' form: entries rebuilt at its host, the reason escaped in the URI, index 1, 1.1, … */
    private static final String FORWARDED = "<sip:+442079460500@sip.pstnhub.microsoft.com;user=phone"
            + "?Reason=SIP%3Bcause%3D486%3Btext%3D%22Busy%20Here%22>;index=1,"
            + "<sip:+442079460501@sip.pstnhub.microsoft.com;user=phone?Reason=SIP%3Bcause%3D408>;index=1.1";
    private static final String NOW = "<sip:+447700900502@sip.pstnhub.microsoft.com;user=phone>;index=1.1.1";
    private static final NumberNormalisation UK = NumberNormalisation.parse("^0(\\d{9,10})$>+44$1",
            "^\\+44(\\d+)$>0$1");

    @Test
    void entriesAreReadAcrossHeaderLinesWithTheirCauses() {
        List<Redirection.Entry> entries = Redirection.historyInfo(List.of(FORWARDED, NOW));
        assertEquals(List.of(new Redirection.Entry("+442079460500", "1", 486, false),
                new Redirection.Entry("+442079460501", "1.1", 408, false),
                new Redirection.Entry("+447700900502", "1.1.1", null, false)), entries);
    }

    @Test
    void diversionNamesEachNumberRetargetedAwayFromMostRecentFirstWithRfc6044Reasons() {
        String diversion = Redirection.diversion(Redirection.historyInfo(List.of(FORWARDED, NOW)),
                UK::toOperator, "192.0.2.1");
        assertEquals("<sip:02079460501@192.0.2.1;user=phone>;reason=no-answer;counter=1,"
                + "<sip:02079460500@192.0.2.1;user=phone>;reason=user-busy;counter=1", diversion);
    }

    @Test
    void rfc4458CausesInTheNextEntryAndPrivateEntriesAreKept() {
        List<Redirection.Entry> entries = Redirection.historyInfo(List.of(
                "<sip:+442079460600@sip.pstnhub.microsoft.com;user=phone?Privacy=history>;index=1,"
                        + "<sip:+442079460601@sip.pstnhub.microsoft.com;user=phone;cause=302>;index=1.1"));
        assertEquals("<sip:02079460600@gw;user=phone>;reason=unconditional;counter=1;privacy=full",
                Redirection.diversion(entries, UK::toOperator, "gw"));
        String rebuilt = Redirection.historyInfo(entries, UK::toOperator, "gw");
        assertEquals("<sip:02079460600@gw;user=phone?Privacy=history>;index=1,"
                + "<sip:02079460601@gw;user=phone?Reason=SIP%3Bcause%3D302>;index=1.1", rebuilt);
        assertTrue(!rebuilt.contains("pstnhub"), "no Microsoft host crosses");
    }

    @Test
    void aCallNeverRetargetedHasNoDiversion() {
        assertEquals("", Redirection.diversion(Redirection.historyInfo(List.of(NOW)), UK::toOperator, "gw"));
        assertEquals("", Redirection.historyInfo(List.of(), UK::toOperator, "gw"));
    }

    @Test
    void trunkCodecListsTakeRtpengineNamesAndRefuseUnknownOnes() {
        assertEquals(List.of("PCMA", "G722", "AMR-WB"), OperatorCodecs.parse(" pcma, G722 ,amr-wb"));
        assertEquals(List.of(), OperatorCodecs.parse(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OperatorCodecs.parse("G711"));
        assertTrue(e.getMessage().contains("'G711' is not a codec"), e.getMessage());
    }
}
