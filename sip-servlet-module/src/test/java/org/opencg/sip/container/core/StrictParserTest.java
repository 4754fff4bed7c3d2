package org.opencg.sip.container.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StrictParserTest {

    private static byte[] options(String headers) {
        return ("OPTIONS sip:user@example.org SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n"
                + "Max-Forwards: 70\r\nCall-ID: s1\r\nCSeq: 1 OPTIONS\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void spaceInsideTheAngleBracketsOfAnAddressIsInvalid() {
        byte[] badaspec = options("From: \"Bell, Alexander\" <sip:a.g.bell@example.com>;tag=1\r\n"
                + "To: \"Watson, Thomas\" < sip:t.watson@example.org >\r\nContent-Length: 0\r\n");
        assertTrue(StrictParser.problem(badaspec).orElseThrow().contains("to"));
        assertThrows(ParseException.class, () -> new StrictParser().parseSIPMessage(badaspec, true, false, null));
    }

    @Test
    void spaceOutsideTheBracketsAndInsideDisplayNamesIsFine() throws Exception {
        byte[] fine = options("From: \"a < b >\" <sip:a@example.com> ;tag=1\r\nTo: <sip:t@example.org>\r\nl: 0\r\n");
        assertEquals(Optional.empty(), StrictParser.problem(fine));
        assertEquals("s1", ((javax.sip.header.CallIdHeader) new StrictParser().parseSIPMessage(fine, true, false, null)
                .getHeader("Call-ID")).getCallId());
    }

    @Test
    void twoContentLengthsAreInvalidWhateverTheirForm() {
        assertEquals(Optional.of("more than one Content-Length"), StrictParser.problem(options(
                "From: <sip:a@example.com>;tag=1\r\nTo: <sip:t@example.org>\r\nContent-Length: 13\r\nl: 5\r\n")));
    }

    @Test
    void anUnquotedDisplayNameWithACommaIsInvalid() {
        byte[] baddn = options("From:    Bell, Alexander <sip:a.g.bell@example.com>;tag=43\r\n"
                + "To:      <sip:t.watson@example.org>\r\nl: 0\r\n");
        assertEquals(Optional.of("unquoted display name with separators in from"), StrictParser.problem(baddn));
        assertThrows(ParseException.class, () -> new StrictParser().parseSIPMessage(baddn, true, false, null));
        assertTrue(StrictParser.problem(options("From: <sip:a@example.com>;tag=1\r\n"
                + "t: Watson, Thomas <sip:t.watson@example.org>\r\nl: 0\r\n")).isPresent());
    }

    @Test
    void tokenQuotedAndUtf8DisplayNamesAndBareAddressesAreFine() {
        assertEquals(Optional.empty(), StrictParser.problem(options("From: Alexander G. Bell-Jr <sip:a@example.com>;tag=1"
                + "\r\nTo: \"Watson, Thomas\" <sip:t@example.org>\r\nContact: a, b <sip:c@example.org>\r\n"
                + "Timestamp: 1, <x>\r\nl: 0\r\n")));
        assertEquals(Optional.empty(), StrictParser.problem(options("f: sip:a@example.com;tag=1\r\n"
                + "t: J\u00f6rg M\u00fcller <sip:t@example.org>\r\nl: 0\r\n")));
    }

    /** JAIN-SIP's own parser reads SIP/7.0 as SIP/2.0, and its channels answer 505 only to what it kept. */
    @Test
    void aRequestKeepsTheSipVersionItWasSentWith() throws Exception {
        byte[] badvers = ("OPTIONS sip:t.watson@example.org SIP/7.0\r\nVia: SIP/7.0/UDP c.example.com;branch=z9hG4bK1\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:t@example.org>\r\nCall-ID: v1\r\n"
                + "CSeq: 1 OPTIONS\r\nl: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("SIP/7.0", ((gov.nist.javax.sip.message.SIPRequest) new StrictParser()
                .parseSIPMessage(badvers, true, false, null)).getSIPVersion());
        assertEquals("SIP/2.0", ((gov.nist.javax.sip.message.SIPRequest) new StrictParser()
                .parseSIPMessage(options("From: <sip:a@example.com>;tag=1\r\nTo: <sip:t@example.org>\r\nl: 0\r\n"),
                        true, false, null)).getSIPVersion());
    }

    /** RFC 3261 §20: From, To, Call-ID, CSeq, Max-Forwards and Content-Length appear once, in either form. */
    @Test
    void aSingleValuedHeaderTwiceIsInvalidWhateverItsForm() {
        String both = "From: <sip:a@example.com>;tag=1\r\nTo: <sip:t@example.org>\r\nl: 0\r\n";
        assertEquals(Optional.of("more than one From"), StrictParser.problem(options(both + "f: <sip:b@example.com>\r\n")));
        assertEquals(Optional.of("more than one To"), StrictParser.problem(options(both + "TO: <sip:u@example.org>\r\n")));
        assertEquals(Optional.of("more than one Call-ID"), StrictParser.problem(options(both + "i: other\r\n")));
        assertEquals(Optional.of("more than one CSeq"), StrictParser.problem(options(both + "CSeq: 2 OPTIONS\r\n")));
        assertEquals(Optional.of("more than one Max-Forwards"),
                StrictParser.problem(options(both + "Max-Forwards: 69\r\n")));
        assertEquals(Optional.of("more than one Content-Length"),
                StrictParser.problem(options(both + "Content-Length: 0\r\n")));
        assertEquals(Optional.empty(), StrictParser.problem(options(both + "Contact: <sip:a@h>\r\nContact: <sip:b@h>\r\n"
                + "Via: SIP/2.0/UDP x.example.com;branch=z9hG4bK2\r\nLocation: here\r\n")),
                "headers that may repeat, and one that only starts like a single-valued one");
    }

    @Test
    void maxForwardsAndContentLengthMustBePlainNumbers() {
        String parties = "From: <sip:a@example.com>;tag=1\r\nTo: <sip:t@example.org>\r\n";
        assertEquals(Optional.of("Content-Length is not a number"), StrictParser.problem(options(parties + "l: -1\r\n")));
        assertEquals(Optional.of("Content-Length is not a number"),
                StrictParser.problem(options(parties + "Content-Length: 12x\r\n")));
        byte[] badMaxForwards = ("OPTIONS sip:user@example.org SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1"
                + "\r\nMax-Forwards: 70aaa\r\nCall-ID: s1\r\nCSeq: 1 OPTIONS\r\n" + parties + "l: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.of("Max-Forwards is not a number"), StrictParser.problem(badMaxForwards));
        assertEquals(Optional.empty(), StrictParser.problem(options(parties + "Content-Length:   0  \r\n")));
    }

    @Test
    void aFoldedLineOfWhiteSpaceOnlyIsInvalid() {
        assertEquals(Optional.of("a folded line holds only white space"), StrictParser.problem(options(
                "From: <sip:a@example.com>;tag=1\r\n   \r\nTo: <sip:t@example.org>\r\nl: 0\r\n")));
        assertEquals(Optional.empty(), StrictParser.problem(options(
                "From: <sip:a@example.com>\r\n ;tag=1\r\nTo: <sip:t@example.org>\r\nl: 0\r\n")),
                "a folded line that continues the value is fine");
    }

    @Test
    void aDatagramWhoseBodyIsShorterThanItsContentLengthIsRefused() throws Exception {
        byte[] cut = ("OPTIONS sip:user@example.org SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n"
                + "Max-Forwards: 70\r\nCall-ID: s1\r\nCSeq: 1 OPTIONS\r\nFrom: <sip:a@example.com>;tag=1\r\n"
                + "To: <sip:t@example.org>\r\nContent-Length: 50\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        // RFC 4475 §3.1.2.12: JAIN-SIP's own parser refuses it, and the stack answers 400 (TortureIT's UDP cases).
        ParseException refused = assertThrows(ParseException.class,
                () -> new StrictParser().parseSIPMessage(cut, true, false, null));
        assertTrue(refused.getMessage().contains("content length"), refused.getMessage());
    }

    @Test
    void quotedStringsAreBlankedWhateverTheirLength() {
        assertEquals("To: \"\" <sip:a@b>", StrictParser.withoutQuoted("To: \"Bell, \\\"A\\\" < x >\" <sip:a@b>"));
        assertEquals("To: \"\" < sip:a@b>", StrictParser.withoutQuoted("To: \"" + "x".repeat(100_000) + "\" < sip:a@b>"));
        assertEquals("To: \"\" <sip:a@b> \"open", StrictParser.withoutQuoted("To: \"x\" <sip:a@b> \"open"));
    }
}
