package org.opencg.sip.container;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/** The JAIN-SIP factories that build messages and headers, created once per stack. */
record MessageFactories(MessageFactory messages, HeaderFactory headers) {

    MessageFactories(SipFactory factory) throws PeerUnavailableException {
        this(factory.createMessageFactory(), factory.createHeaderFactory());
    }
}
