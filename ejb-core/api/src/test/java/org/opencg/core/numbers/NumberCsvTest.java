package org.opencg.core.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The portal's number files: header, optional columns, quoting, problems per row and per file. */
class NumberCsvTest {

    private static final Set<Service> OC = Set.of(Service.OPERATOR_CONNECT);

    @Test
    void rowsTakeTheUploadsServicesUnlessTheyNameTheirOwn() {
        NumberCsv.Parsed parsed = NumberCsv.parse("\uFEFFNumbers,Services,CustomHeader\r\n"
                + "+442079460001,,gold\r\n"
                + "+442079460002,teamsDirectRouting;zoomPhoneCloudPeering,\r\n"
                + "\r\n"
                + "\"+442079460003\",teamsPhoneMobile,\"a,b\"\n", OC);
        assertNull(parsed.problem());
        assertEquals(3, parsed.rows().size());
        assertEquals(new NumberCsv.Row(1, "+442079460001", OC, "gold", null), parsed.rows().get(0));
        assertEquals(Set.of(Service.DIRECT_ROUTING, Service.ZOOM), parsed.rows().get(1).services());
        assertEquals("a,b", parsed.rows().get(2).customHeader(), "a quoted comma stays in the cell");
        assertEquals(3, parsed.rows().get(2).row());
    }

    @Test
    void aRowThatCannotBeReadSaysWhyAndTheOthersStand() {
        NumberCsv.Parsed parsed = NumberCsv.parse("Numbers,Services\n+442079460001,fax\n,\n+442079460002\n", OC);
        assertEquals("unknown service 'fax'", parsed.rows().get(0).problem());
        assertEquals("no number in the Numbers column", parsed.rows().get(1).problem());
        assertNull(parsed.rows().get(2).problem());
    }

    @Test
    void aFileWithoutTheNumbersHeaderOrWithTooManyRowsIsRefusedWhole() {
        assertTrue(NumberCsv.parse("Telephone\n+442079460001\n", OC).problem().contains("no Numbers column"));
        assertTrue(NumberCsv.parse("", OC).problem().contains("empty"));
        String big = "Numbers\n" + "+442079460001\n".repeat(NumberCsv.MAX_ROWS + 1);
        assertTrue(NumberCsv.parse(big, OC).problem().contains("at most 10000"));
    }

    @Test
    void resultLinesAreQuotedWhereNeeded() {
        assertEquals("+442079460001,refused,\"say \"\"no\"\", twice\"\r\n",
                NumberCsv.line("+442079460001", "refused", "say \"no\", twice"));
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasBecomeTextWhileNumbersStayNumbers() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),'-2+3,'+cmd|' /C calc'!A0\r\n",
                NumberCsv.line("=HYPERLINK(\"http://x\")", "@SUM(A1)", "-2+3", "+cmd|' /C calc'!A0"));
        assertEquals("+442079460001,-5,12.5,'\tx\r\n", NumberCsv.line("+442079460001", "-5", "12.5", "\tx"));
    }
}
