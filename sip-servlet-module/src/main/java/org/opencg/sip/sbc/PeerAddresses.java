package org.opencg.sip.sbc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.logging.Logger;

import org.opencg.sip.container.core.PeerAdmission;

/**
 * Names the SBC's peers to the container, which then takes requests and connections on each side from them (and
 * from the side's configured address blocks) and from nobody else: the Teams proxies and Zoom peers on the Teams
 * side, every trunk's peers and the emergency ESRP peers on the operator side. A peer given by name is admitted at the addresses its name has
 * at start-up; one whose name does not resolve is left to the side's address blocks, and the log says so.
 */
final class PeerAddresses {

    private static final Logger LOG = Logger.getLogger(PeerAddresses.class.getName());

    private PeerAddresses() {
    }

    static void admit(PeerAdmission admission, SbcSettings settings) {
        admit(admission, KeepAlive.TEAMS_SIDE, settings.teams());
        admit(admission, KeepAlive.TEAMS_SIDE, settings.zoom());
        settings.trunks().forEach(trunk -> admit(admission, KeepAlive.OPERATOR_SIDE, trunk.peers()));
        admit(admission, KeepAlive.OPERATOR_SIDE, settings.emergency().esrp());
    }

    private static void admit(PeerAdmission admission, String side, List<Peer> peers) {
        for (Peer peer : peers) {
            try {
                for (InetAddress address : InetAddress.getAllByName(peer.host())) {
                    admission.admitPeer(side, address);
                }
            } catch (UnknownHostException | IllegalArgumentException e) {
                LOG.warning(() -> "SBC: peer " + peer.name() + " (" + peer.host() + ") is not admitted by address on side "
                        + side + ": " + e.getMessage() + "; only the side's allowed-sources let it in");
            }
        }
    }
}
