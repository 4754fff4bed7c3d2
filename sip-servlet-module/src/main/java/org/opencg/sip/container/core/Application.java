package org.opencg.sip.container.core;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServlet;

/**
 * One SIP application (JSR 289 §17): its servlets, the main servlet that gets initial requests, its
 * listeners, and the context through which servlets reach the SipFactory, TimerService and SipSessionsUtil.
 */
final class Application {

    private static final Logger LOG = Logger.getLogger(Application.class.getName());

    private final String name;
    private final Map<String, SipServlet> servlets = new LinkedHashMap<>();
    private final Listeners listeners = new Listeners();
    private final SipFactoryImpl factory;
    private final ServletContext servletContext;
    private String mainServlet;

    Application(ContainerContext context, String name) {
        this.name = name;
        this.factory = new SipFactoryImpl(context, this);
        this.servletContext = ServletContexts.create(name, Map.of(
                SipServlet.SIP_FACTORY, factory,
                SipServlet.TIMER_SERVICE, new TimerServiceImpl(context),
                SipServlet.SIP_SESSIONS_UTIL, new SipSessionsUtilImpl(context, name),
                SipServlet.SUPPORTED, java.util.List.of("100rel"),
                SipServlet.OUTBOUND_INTERFACES, context.outboundInterfaces(),
                PeerAdmission.ATTRIBUTE, context.peerAdmission(),
                PriorityCalls.ATTRIBUTE, context.overload(),
                NewCallGate.ATTRIBUTE, context.overload().gate()));
    }

    String name() {
        return name;
    }

    SipFactory factory() {
        return factory;
    }

    ServletContext servletContext() {
        return servletContext;
    }

    Listeners listeners() {
        return listeners;
    }

    boolean has(String servletName) {
        return servlets.containsKey(servletName);
    }

    SipServlet servlet(String servletName) {
        SipServlet servlet = servlets.get(servletName);
        if (servlet == null) {
            throw new IllegalStateException("application " + name + " has no servlet " + servletName);
        }
        return servlet;
    }

    String mainServlet() {
        return mainServlet;
    }

    void mainServlet(String servletName) {
        mainServlet = servletName;
    }

    /** Initialises the servlet (JSR 289 §2.3) and adds it; the first one added is main unless one is named. */
    void addServlet(String servletName, SipServlet servlet) throws ServletException {
        servlet.init(new Config(servletName));
        servlets.put(servletName, servlet);
        if (mainServlet == null) {
            mainServlet = servletName;
        }
        LOG.info(() -> "SIP application " + name + ": servlet " + servletName + " (" + servlet.getClass().getName() + ")");
    }

    void destroy() {
        servlets.values().forEach(SipServlet::destroy);
        servlets.clear();
    }

    private final class Config implements ServletConfig {
        private final String servletName;

        Config(String servletName) {
            this.servletName = servletName;
        }

        @Override
        public String getServletName() {
            return servletName;
        }

        @Override
        public ServletContext getServletContext() {
            return servletContext;
        }

        @Override
        public String getInitParameter(String parameter) {
            return null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.emptyEnumeration();
        }
    }
}
