package org.opencg.sip.sbc;

import java.io.StringReader;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The Emergency Location Identification Number that Teams puts in an emergency call's PIDF-LO (acg-behaviour.md §6,
 * "DR ELIN"): an {@code ELIN} element in any namespace. Networks that cannot read PIDF-LO route the call on it, so the
 * gateway can put it in place of the caller's number. A location that cannot be read, or whose ELIN is no phone
 * number, has none: the call then keeps its caller. The XML is the caller's, so it is read with no DTD, no external
 * entity and no XInclude (an XXE attempt reads as no ELIN). Pure: text in, number out.
 */
final class Elin {

    private static final DocumentBuilderFactory XML = safeFactory();

    private Elin() {
    }

    /** The ELIN of this PIDF-LO document, without visual separators, if it has one that is a phone number. */
    static Optional<String> of(String pidf) {
        if (pidf == null || pidf.isBlank()) {
            return Optional.empty();
        }
        try {
            DocumentBuilder builder = XML.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new InputSource(new StringReader(pidf)));
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                String name = all.item(i).getLocalName();
                if (name != null && name.equalsIgnoreCase("ELIN")) {
                    String number = NumberNormalisation.stripVisualSeparators(
                            all.item(i).getTextContent().replaceAll("\\s+", ""));
                    return number.matches("\\+?[0-9]{3,15}") ? Optional.of(number) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (SAXException | java.io.IOException | ParserConfigurationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static DocumentBuilderFactory safeFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot refuse DTDs", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
