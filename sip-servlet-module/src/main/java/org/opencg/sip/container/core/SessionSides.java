package org.opencg.sip.container.core;

import java.util.List;

import javax.servlet.sip.SipSession;

/**
 * OpenCG's extension to JSR 289 for applications that stand between networks (the B2BUA): which named side
 * ({@code operator}, {@code teams}, {@code isc}) a session belongs to, sending a session's requests from a side by
 * its name, and the host its Contact carries. JSR 289 makes Contact a system header, but a Teams-facing SBC must
 * put an FQDN there (the customer subdomain for Direct Routing, acg-behaviour.md §3.4; the carrier FQDN on OPTIONS,
 * §3.3), not its listening address.
 */
public final class SessionSides {

    private SessionSides() {
    }

    /** The side a session's messages arrive on and leave from. */
    public static String sideOf(SipSession session) {
        Side side = ((SipSessionImpl) session).side();
        return side == null ? null : side.name();
    }

    /** Sends this session's next initial request from the named side; an IllegalArgumentException if none. */
    public static void useSide(SipSession session, String side) {
        SipSessionImpl impl = (SipSessionImpl) session;
        impl.side(impl.context().sides().named(side));
    }

    /** Is there a side of this name with a listening point for the transport (e.g. {@code TLS})? */
    public static boolean hasSide(SipSession session, String side, String transport) {
        List<Side> all = ((SipSessionImpl) session).context().sides().all();
        return all.stream().anyMatch(s -> s.name().equals(side) && s.has(transport));
    }

    /** The address of the named side's first listening point: the gateway's own host on that side. */
    public static String addressOf(SipSession session, String side) {
        return ((SipSessionImpl) session).context().sides().named(side).points().get(0).getIPAddress();
    }

    /**
     * The host the session's Contact carries (dialog-creating requests, their 1xx/2xx answers, and OPTIONS); the
     * listening point's address when null. Set before the first message of the session is sent.
     */
    public static void contactHost(SipSession session, String host) {
        ((SipSessionImpl) session).contactHost(host);
    }

    /** The host set for the session's Contact, or null for the listening point's address. */
    public static String contactHostOf(SipSession session) {
        return ((SipSessionImpl) session).contactHost();
    }
}
