package org.opencg.sip.sbc;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.opencg.sip.container.core.SessionSides;

/**
 * The OPTIONS keep-alive (acg-behaviour.md §3.3): every interval one OPTIONS to each peer, each in an application
 * session of its own that ends with the answer. Toward Teams and Zoom from the {@code teams} side with the carrier
 * FQDN in Contact and no user part (an address there is 403 from Teams) and X-MS-SBC; toward the operator's peers
 * from the {@code operator} side, as toward the ESRPs of emergency calls. The answer (or none) goes to the {@link PeerMonitor}.
 */
final class KeepAlive {

    private static final Logger LOG = Logger.getLogger(KeepAlive.class.getName());
    static final String PEER = "org.opencg.sbc.options-peer";
    static final String TEAMS_SIDE = "teams";
    static final String OPERATOR_SIDE = "operator";

    private final SipFactory factory;
    private final SbcSettings settings;
    private final PeerMonitor monitor;

    KeepAlive(SipFactory factory, SbcSettings settings, PeerMonitor monitor) {
        this.factory = factory;
        this.settings = settings;
        this.monitor = monitor;
    }

    /** One round: an OPTIONS to every configured peer. */
    void round() {
        settings.teams().forEach(peer -> send(peer, TEAMS_SIDE));
        settings.zoom().forEach(peer -> send(peer, TEAMS_SIDE));
        settings.trunks().forEach(trunk -> trunk.peers().forEach(peer -> send(peer, OPERATOR_SIDE)));
        // An ESRP is polled like a trunk peer: an emergency route with no peer up must show before a call needs it.
        settings.emergency().esrp().forEach(peer -> send(peer, OPERATOR_SIDE));
    }

    private void send(Peer peer, String side) {
        SipApplicationSession session = factory.createApplicationSession();
        try {
            boolean microsoft = TEAMS_SIDE.equals(side);
            String carrier = microsoft && settings.baseDomain() != null
                    ? TeamsLeg.carrierDomain(settings.region(), settings.baseDomain()) : null;
            SipServletRequest options = factory.createRequest(session, "OPTIONS",
                    "<sip:" + (carrier != null ? carrier : "opencg@opencg.invalid") + ">", "<sip:" + peer.host() + ">");
            options.setRequestURI(factory.createURI(peer.keepAliveUser() == null ? targetUri(peer)
                    : targetUri(peer).replace("sip:", "sip:" + peer.keepAliveUser() + "@")));
            if (!SessionSides.hasSide(options.getSession(), side, peer.transport())) {
                monitor.optionsAnswered(peer, 0);
                session.invalidate();
                return;
            }
            SessionSides.useSide(options.getSession(), side);
            if (microsoft) {
                SessionSides.contactHost(options.getSession(), carrier);
                options.setHeader("X-MS-SBC", settings.xMsSbc());
            }
            options.getSession().setAttribute(PEER, peer);
            options.send();
        } catch (ServletParseException | RuntimeException | java.io.IOException e) {
            LOG.log(Level.FINE, "OPTIONS to " + peer.name() + " not sent", e);
            monitor.optionsAnswered(peer, 0);
            if (session.isValid()) {
                session.invalidate();
            }
        }
    }

    /** An answer to one of our OPTIONS (a 408 from the container when none came). */
    boolean answered(SipServletResponse response) {
        Object peer = response.getSession().getAttribute(PEER);
        if (!(peer instanceof Peer p) || !"OPTIONS".equals(response.getMethod())) {
            return false;
        }
        monitor.optionsAnswered(p, response.getStatus() == 408 ? 0 : response.getStatus());
        return true;
    }

    /** {@code sip:host:port[;transport=x]}: where a request to this peer goes. */
    static String targetUri(Peer peer) {
        return "sip:" + peer.host() + ":" + peer.port() + peer.transportParameter();
    }
}
