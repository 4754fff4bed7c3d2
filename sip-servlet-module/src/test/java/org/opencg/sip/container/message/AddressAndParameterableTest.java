package org.opencg.sip.container.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TelURL;

import org.junit.jupiter.api.Test;
import org.opencg.sip.container.JainFactories;

class AddressAndParameterableTest {

    private final JainFactories jain = JainFactories.create();

    @Test
    void anAddressKeepsDisplayNameUriAndHeaderParametersApart() throws Exception {
        AddressImpl address = AddressImpl.parse(jain.headers(),
                "\"Alice\" <sip:+4930123@op.example;user=phone>;tag=a1;expires=60");
        assertEquals("Alice", address.getDisplayName());
        SipURI uri = (SipURI) address.getURI();
        assertEquals("+4930123", uri.getUser());
        assertEquals("phone", uri.getUserParam());
        assertEquals("a1", address.getParameter("tag"));
        assertEquals(60, address.getExpires());
        assertNull(uri.getParameter("tag"), "a header parameter is not a URI parameter");
        assertEquals("\"Alice\" <sip:+4930123@op.example;user=phone>;tag=a1;expires=60", address.toString());
    }

    @Test
    void anAddrSpecIsWrittenAsNameAddrSoItsParametersStayHeaderParameters() throws Exception {
        AddressImpl address = AddressImpl.parse(jain.headers(), "sip:bob@gw.example;tag=x");
        assertEquals("x", address.getParameter("tag"));
        assertTrue(address.toString().startsWith("<sip:bob@gw.example>"), address.toString());
    }

    @Test
    void telUrlsAndTheWildcardParse() throws Exception {
        TelURL tel = (TelURL) Uris.parse(jain.addresses(), "tel:+4930123");
        assertTrue(tel.isGlobal());
        assertEquals("4930123", tel.getPhoneNumber());
        assertTrue(AddressImpl.parse(jain.headers(), "*").isWildcard());
    }

    @Test
    void garbageIsAParseErrorNotACrash() {
        assertThrows(ServletParseException.class, () -> AddressImpl.parse(jain.headers(), "<sip:unclosed"));
        assertThrows(ServletParseException.class, () -> Uris.parse(jain.addresses(), "::"));
    }

    @Test
    void parameterableValuesSplitAtTheFirstUnquotedSemicolon() throws Exception {
        ParameterableImpl value = ParameterableImpl.parse("application/sdp;charset=utf-8;x=\"a;b\"");
        assertEquals("application/sdp", value.getValue());
        assertEquals("utf-8", value.getParameter("CHARSET"));
        assertEquals("\"a;b\"", value.getParameter("x"));
        ParameterableImpl inBrackets = ParameterableImpl.parse("<sip:a@b;lr>;q=1");
        assertEquals("<sip:a@b;lr>", inBrackets.getValue());
        assertEquals("1", inBrackets.getParameter("q"));
    }
}
