package org.opencg.sip.container.core;

import java.util.EventListener;

import javax.servlet.ServletException;
import javax.servlet.sip.SipServlet;

/** What the deployment code may do with an application of the container: add servlets and listeners. */
public final class ApplicationHandle {

    private final Application application;

    ApplicationHandle(Application application) {
        this.application = application;
    }

    public void addServlet(String name, SipServlet servlet) throws ServletException {
        application.addServlet(name, servlet);
    }

    public void addListener(EventListener listener) {
        application.listeners().add(listener);
    }

    public void mainServlet(String name) {
        application.mainServlet(name);
    }
}
