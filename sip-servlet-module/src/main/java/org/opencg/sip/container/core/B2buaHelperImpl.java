package org.opencg.sip.container.core;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.servlet.sip.B2buaHelper;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.TooManyHopsException;
import javax.servlet.sip.UAMode;
import javax.sip.InvalidArgumentException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

import org.opencg.sip.container.message.AddressImpl;

/**
 * JSR 289 §12 B2BUA support: a new leg made from a received request, the two legs linked so that either side
 * finds the other, and the messages of a leg still waiting for an answer.
 */
final class B2buaHelperImpl implements B2buaHelper {

    /** Headers a new leg never copies from the other: they belong to one hop, transaction or dialog. */
    private static final Set<String> NOT_COPIED = Set.of("via", "route", "record-route", "contact", "call-id", "cseq",
            "from", "to", "max-forwards", "content-length", "content-type", "path", "rseq", "rack");

    private final ContainerContext context;

    B2buaHelperImpl(ContainerContext context) {
        this.context = context;
    }

    @Override
    public SipServletRequest createRequest(SipServletRequest original) {
        try {
            return createRequest(original, false, null);
        } catch (TooManyHopsException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public SipServletRequest createRequest(SipServletRequest original, boolean linked, Map<String, List<String>> headers)
            throws TooManyHopsException {
        RequestImpl from = (RequestImpl) original;
        if (!from.isInitial()) {
            throw new IllegalArgumentException("a new leg is made from an initial request; use createRequest(session, ...)");
        }
        if (from.getMaxForwards() == 0) {
            throw new TooManyHopsException("Max-Forwards of the original request is 0");
        }
        RequestImpl leg = copy(from, false, headers);
        if (linked) {
            link(from.session, leg.session);
            from.linked = leg;
            leg.linked = from;
        }
        return leg;
    }

    @Override
    public SipServletRequest createRequest(SipSession session, SipServletRequest original,
            Map<String, List<String>> headers) {
        SipSessionImpl target = (SipSessionImpl) session;
        RequestImpl from = (RequestImpl) original;
        RequestImpl leg = (RequestImpl) target.createRequest(from.getMethod());
        copyHeadersAndContent(from, leg);
        applyHeaderMap(leg, headers);
        from.linked = leg;
        leg.linked = from;
        return leg;
    }

    /** A new initial request like {@code original}, in a new SIP session of the same application session. */
    RequestImpl copy(RequestImpl original, boolean sameCallId, Map<String, List<String>> headers) {
        HeaderFactory factory = context.factories().headers();
        Request source = original.request();
        SipSessionImpl session = original.session.application().newSipSession(original.session.handler(), null);
        try {
            FromHeader from = (FromHeader) ((FromHeader) source.getHeader(FromHeader.NAME)).clone();
            from.setTag(session.localTag());
            ToHeader to = (ToHeader) ((ToHeader) source.getHeader(ToHeader.NAME)).clone();
            to.removeParameter("tag");
            CallIdHeader callId = sameCallId ? (CallIdHeader) source.getHeader(CallIdHeader.NAME).clone()
                    : factory.createCallIdHeader(UUID.randomUUID().toString());
            MaxForwardsHeader maxForwards = factory.createMaxForwardsHeader(Math.max(0, original.getMaxForwards() - 1));
            Request request = context.factories().messages().createRequest(
                    (javax.sip.address.URI) source.getRequestURI().clone(), source.getMethod(), callId,
                    factory.createCSeqHeader(1L, source.getMethod()), from, to, new ArrayList<>(), maxForwards);
            RequestImpl leg = new RequestImpl(context, request, session, null, null, false, true);
            copyHeadersAndContent(original, leg);
            applyHeaderMap(leg, headers);
            return leg;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot copy " + source.getMethod() + ": " + e.getMessage(), e);
        }
    }

    private static void copyHeadersAndContent(RequestImpl from, RequestImpl to) {
        Request source = from.request();
        Request target = to.request();
        for (Iterator<?> names = source.getHeaderNames(); names.hasNext();) {
            String name = (String) names.next();
            if (NOT_COPIED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            target.removeHeader(name);
            for (ListIterator<?> values = source.getHeaders(name); values.hasNext();) {
                try {
                    target.addLast((Header) ((Header) values.next()).clone());
                } catch (javax.sip.SipException e) {
                    throw new IllegalArgumentException("cannot copy " + name + ": " + e.getMessage(), e);
                }
            }
        }
        byte[] content = source.getRawContent();
        if (content != null) {
            try {
                target.setContent(content.clone(), (ContentTypeHeader) source.getHeader(ContentTypeHeader.NAME).clone());
            } catch (ParseException e) {
                throw new IllegalArgumentException("cannot copy the content: " + e.getMessage(), e);
            }
        }
    }

    /** JSR 289 §12.2.1: From and To may change their URI and display name, other headers are replaced. */
    private void applyHeaderMap(RequestImpl request, Map<String, List<String>> headers) {
        if (headers == null) {
            return;
        }
        headers.forEach((name, values) -> {
            String full = SystemHeaders.fullName(name);
            if (full.equalsIgnoreCase("From") || full.equalsIgnoreCase("To")) {
                replaceParty(request, full, values.get(0));
            } else if (full.equalsIgnoreCase("Route")) {
                for (int i = values.size() - 1; i >= 0; i--) {
                    try {
                        request.pushRoute(AddressImpl.parse(context.factories().headers(), values.get(i)));
                    } catch (ServletParseException e) {
                        throw new IllegalArgumentException("invalid Route " + values.get(i), e);
                    }
                }
            } else {
                SystemHeaders.requireWritable(full);
                request.request().removeHeader(full);
                values.forEach(v -> request.addHeader(full, v));
            }
        });
    }

    private void replaceParty(RequestImpl request, String name, String value) {
        try {
            AddressImpl address = AddressImpl.parse(context.factories().headers(), value);
            javax.sip.header.HeaderAddress header = (javax.sip.header.HeaderAddress) request.request().getHeader(name);
            header.setAddress(address.jainAddress());
        } catch (ServletParseException e) {
            throw new IllegalArgumentException("invalid " + name + " " + value, e);
        }
    }

    @Override
    public SipSession getLinkedSession(SipSession session) {
        if (!session.isValid()) {
            throw new IllegalArgumentException("the session is invalidated");
        }
        return ((SipSessionImpl) session).linked;
    }

    @Override
    public SipServletRequest getLinkedSipServletRequest(SipServletRequest request) {
        return ((RequestImpl) request).linked;
    }

    @Override
    public void linkSipSessions(SipSession first, SipSession second) {
        SipSessionImpl a = (SipSessionImpl) first;
        SipSessionImpl b = (SipSessionImpl) second;
        if (!a.isValid() || !b.isValid() || a.getState() == SipSession.State.TERMINATED
                || b.getState() == SipSession.State.TERMINATED) {
            throw new IllegalArgumentException("only valid, unterminated sessions can be linked");
        }
        if (a.linked != null && a.linked != b || b.linked != null && b.linked != a) {
            throw new IllegalArgumentException("a session is already linked to another one");
        }
        link(a, b);
    }

    private static void link(SipSessionImpl a, SipSessionImpl b) {
        a.linked = b;
        b.linked = a;
    }

    @Override
    public void unlinkSipSessions(SipSession session) {
        SipSessionImpl s = (SipSessionImpl) session;
        if (s.linked == null) {
            throw new IllegalArgumentException("the session is not linked");
        }
        s.linked.linked = null;
        s.linked = null;
    }

    @Override
    public SipServletResponse createResponseToOriginalRequest(SipSession session, int status, String reason) {
        RequestImpl original = ((SipSessionImpl) session).initialRequest();
        if (original == null || !original.incoming()) {
            throw new IllegalArgumentException("the session did not receive an initial request");
        }
        return original.createResponse(status, reason);
    }

    @Override
    public List<SipServletMessage> getPendingMessages(SipSession session, UAMode mode) {
        return ((SipSessionImpl) session).pending(mode);
    }

    @Override
    public SipServletRequest createCancel(SipSession session) {
        RequestImpl initial = ((SipSessionImpl) session).initialRequest();
        if (initial == null || initial.incoming()) {
            throw new IllegalArgumentException("the session sent no initial request to cancel");
        }
        return initial.createCancel();
    }

}
