package org.opencg.sip.container.core;

import java.net.InetAddress;

/** Whether a side takes requests from a source: what the container's admission decides, as the receiver asks it. */
@FunctionalInterface
public interface SourceAdmission {

    /** Counts the request as the admission counts any (rate, bans); true when it may be answered. */
    boolean admits(String localAddress, int localPort, InetAddress source, String userAgent);
}
