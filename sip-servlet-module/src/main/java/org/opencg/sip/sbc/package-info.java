/**
 * The SBC: a B2BUA between the operator's network and Microsoft Teams / Zoom (issue 5), with ACG's signalling
 * interworking. {@code SbcServlet} is the wiring; the rules it applies are pure functions beside it
 * ({@code CallRouting}, {@code TeamsLeg}, {@code LegHeaders}, {@code SdpNormaliser}, {@code NumberNormalisation},
 * {@code PeerSelection}), unit-tested without a container.
 */
@SipApplication(name = "sbc", mainServlet = "Sbc")
package org.opencg.sip.sbc;

import javax.servlet.sip.annotation.SipApplication;
