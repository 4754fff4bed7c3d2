package org.opencg.sip.container.core;

/** Where a received message came from and where it arrived: the transport addresses JSR 289 exposes. */
record Endpoints(String transport, String localAddress, int localPort, String remoteAddress, int remotePort) {
}
