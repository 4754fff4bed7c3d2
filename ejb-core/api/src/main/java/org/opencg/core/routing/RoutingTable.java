package org.opencg.core.routing;

/**
 * How the SIP side reaches the routing snapshot: look the bean up once, keep {@link #snapshot()}, and read it on
 * every call without going through the container again (an EJB call per INVITE would cost more than the look-up).
 */
public interface RoutingTable {

    String JNDI = "java:global/opencg/ejb-core/RoutingTableBean!org.opencg.core.routing.RoutingTable";

    RoutingSnapshot snapshot();
}
