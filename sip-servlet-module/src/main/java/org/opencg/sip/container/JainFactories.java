package org.opencg.sip.container;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/** The JAIN-SIP factories that build messages, headers and addresses; created once, thread-safe. */
public record JainFactories(MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {

    public static JainFactories create() {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        try {
            return new JainFactories(factory.createMessageFactory(), factory.createHeaderFactory(),
                    factory.createAddressFactory());
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("JAIN-SIP factories unavailable: " + e.getMessage(), e);
        }
    }
}
