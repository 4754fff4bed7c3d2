package org.opencg.sip.container.core;

import java.net.InetAddress;

/**
 * OpenCG's extension to JSR 289 for applications that know their peers (the SBC's Teams proxies, Zoom peers and
 * operator trunks): the container takes requests and connections on a side only from the side's configured
 * address blocks and from the peers an application names here, and refuses everyone else before any application
 * sees them. Found in the ServletContext under {@link #ATTRIBUTE}.
 */
public interface PeerAdmission {

    String ATTRIBUTE = "org.opencg.sip.PeerAdmission";

    /** Takes requests and connections from this address on the named side, as one of that side's peers. */
    void admitPeer(String side, InetAddress address);
}
