/**
 * The JSR 289 test application the integration tests deploy into the container (never part of the product EAR).
 * Initial requests go to {@code TestCalls}, which hands proxied calls to {@code TestProxy}.
 */
@SipApplication(name = "test", mainServlet = "TestCalls")
package org.opencg.it.sipapps;

import javax.servlet.sip.annotation.SipApplication;
