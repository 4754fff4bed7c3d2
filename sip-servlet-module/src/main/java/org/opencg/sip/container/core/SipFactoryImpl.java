package org.opencg.sip.container.core;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.UUID;

import javax.servlet.sip.Address;
import javax.servlet.sip.AuthInfo;
import javax.servlet.sip.Parameterable;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.URI;
import javax.sip.InvalidArgumentException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

import org.opencg.sip.container.message.AddressImpl;
import org.opencg.sip.container.message.ParameterableImpl;
import org.opencg.sip.container.message.SipUriImpl;
import org.opencg.sip.container.message.Uris;

/** JSR 289 §3.1 SipFactory of one application: addresses, URIs, application sessions and new requests. */
final class SipFactoryImpl implements SipFactory {

    private final ContainerContext context;
    private final Application application;

    SipFactoryImpl(ContainerContext context, Application application) {
        this.context = context;
        this.application = application;
    }

    @Override
    public URI createURI(String uri) throws ServletParseException {
        return Uris.parse(context.factories().addresses(), uri);
    }

    @Override
    public SipURI createSipURI(String user, String host) {
        try {
            return new SipUriImpl(context.factories().addresses().createSipURI(user, host));
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid SIP URI parts " + user + "@" + host, e);
        }
    }

    @Override
    public Address createAddress(String address) throws ServletParseException {
        return AddressImpl.parse(context.factories().headers(), address);
    }

    @Override
    public Address createAddress(URI uri) {
        return AddressImpl.of(uri, null);
    }

    @Override
    public Address createAddress(URI uri, String displayName) {
        return AddressImpl.of(uri, displayName);
    }

    @Override
    public Parameterable createParameterable(String value) throws ServletParseException {
        return ParameterableImpl.parse(value);
    }

    @Override
    public SipApplicationSession createApplicationSession() {
        return context.sessions().create(application, null);
    }

    @Override
    public SipApplicationSession createApplicationSessionByKey(String key) {
        return context.sessions().create(application, key);
    }

    @Override
    public AuthInfo createAuthInfo() {
        throw Unsupported.method("SipFactory", "createAuthInfo");
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession session, String method, Address from, Address to) {
        return newRequest((AppSessionImpl) session, method, (Address) from.clone(), (Address) to.clone());
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession session, String method, URI from, URI to) {
        return newRequest((AppSessionImpl) session, method, createAddress(from), createAddress(to));
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession session, String method, String from, String to)
            throws ServletParseException {
        return newRequest((AppSessionImpl) session, method, createAddress(from), createAddress(to));
    }

    @Override
    public SipServletRequest createRequest(SipServletRequest original, boolean sameCallId) {
        return context.b2buaHelper().copy((RequestImpl) original, sameCallId, null);
    }

    /** A new initial request in a new SIP session of the application session (JSR 289 §4.1.2). */
    private RequestImpl newRequest(AppSessionImpl session, String method, Address from, Address to) {
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
            throw new IllegalArgumentException(method + " cannot start a dialog or transaction of its own");
        }
        if (!session.isValid()) {
            throw new IllegalStateException("the application session is invalidated");
        }
        HeaderFactory headers = context.factories().headers();
        try {
            FromHeader fromHeader = headers.createFromHeader(((AddressImpl) from).jainAddress(), null);
            from.getParameters().forEach(p -> setParameter(fromHeader, p.getKey(), p.getValue()));
            SipSessionImpl sipSession = session.newSipSession(session.application().mainServlet(), null);
            fromHeader.setTag(sipSession.localTag());
            ToHeader toHeader = headers.createToHeader(((AddressImpl) to).jainAddress(), null);
            to.getParameters().stream().filter(p -> !"tag".equalsIgnoreCase(p.getKey()))
                    .forEach(p -> setParameter(toHeader, p.getKey(), p.getValue()));
            CallIdHeader callId = headers.createCallIdHeader(UUID.randomUUID().toString());
            CSeqHeader cseq = headers.createCSeqHeader(1L, method);
            MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
            javax.sip.address.URI requestUri = (javax.sip.address.URI) toHeader.getAddress().getURI().clone();
            if (requestUri instanceof javax.sip.address.SipURI sip) {
                sip.removeParameter("tag");
            }
            Request request = context.factories().messages().createRequest(requestUri, method, callId, cseq, fromHeader,
                    toHeader, new ArrayList<>(), maxForwards);
            return new RequestImpl(context, request, sipSession, null, null, false, true);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot create " + method + ": " + e.getMessage(), e);
        }
    }

    private static void setParameter(javax.sip.header.Parameters header, String name, String value) {
        try {
            header.setParameter(name, value);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid parameter " + name, e);
        }
    }
}
