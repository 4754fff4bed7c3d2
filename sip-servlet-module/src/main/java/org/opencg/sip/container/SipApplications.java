package org.opencg.sip.container;

import java.util.ArrayList;
import java.util.EventListener;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import javax.servlet.ServletException;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.annotation.SipApplication;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;

import org.eclipse.microprofile.config.Config;
import org.opencg.sip.container.core.ApplicationHandle;
import org.opencg.sip.container.core.ContainerContext;

/**
 * Deploys the annotated SIP servlets and listeners into the container (JSR 289 §18): groups them into
 * applications by name, creates them through CDI so they can {@code @Inject} the gateway's services, names the
 * main servlet, and routes each side's initial requests to an application.
 */
final class SipApplications {

    private static final Logger LOG = Logger.getLogger(SipApplications.class.getName());
    static final String DEFAULT_APPLICATION = "default";

    private final BeanManager beanManager;
    private final ContainerContext context;
    private final List<Unmanaged.UnmanagedInstance<?>> instances = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    SipApplications(BeanManager beanManager, ContainerContext context) {
        this.beanManager = beanManager;
        this.context = context;
    }

    void deploy(List<Class<?>> servlets, List<Class<?>> listeners) throws ServletException {
        Map<Class<?>, Object> created = new IdentityHashMap<>();
        // Listeners first: a servlet's init may already need them (a TimerListener for the timers it starts).
        for (Class<?> type : listeners) {
            javax.servlet.sip.annotation.SipListener annotation = type.getAnnotation(javax.servlet.sip.annotation.SipListener.class);
            String application = applicationName(type, annotation.applicationName());
            Object listener = created.computeIfAbsent(type, this::create);
            if (!(listener instanceof EventListener eventListener)) {
                throw new ServletException(type.getName() + " is annotated @SipListener but is no listener");
            }
            context.addApplication(application).addListener(eventListener);
            names.add(application);
        }
        for (Class<?> type : servlets) {
            javax.servlet.sip.annotation.SipServlet annotation = type.getAnnotation(javax.servlet.sip.annotation.SipServlet.class);
            String application = applicationName(type, annotation.applicationName());
            String name = annotation.name().isEmpty() ? type.getSimpleName() : annotation.name();
            if (!SipServlet.class.isAssignableFrom(type)) {
                throw new ServletException(type.getName() + " is annotated @SipServlet but does not extend SipServlet");
            }
            ApplicationHandle handle = context.addApplication(application);
            handle.addServlet(name, (SipServlet) created.computeIfAbsent(type, this::create));
            SipApplication declared = type.getPackage().getAnnotation(SipApplication.class);
            if (declared != null && !declared.mainServlet().isEmpty()) {
                handle.mainServlet(declared.mainServlet());
            }
            names.add(application);
        }
        LOG.info(() -> "SIP applications deployed: " + (names.isEmpty() ? "none" : names));
    }

    private static String applicationName(Class<?> type, String fromAnnotation) {
        if (!fromAnnotation.isEmpty()) {
            return fromAnnotation;
        }
        SipApplication declared = type.getPackage().getAnnotation(SipApplication.class);
        return declared != null && !declared.name().isEmpty() ? declared.name() : DEFAULT_APPLICATION;
    }

    private Object create(Class<?> type) {
        Unmanaged.UnmanagedInstance<?> instance = new Unmanaged<>(beanManager, type).newInstance();
        instances.add(instance);
        return instance.produce().inject().postConstruct().get();
    }

    /** The application for a side: the configured one, else the only one deployed, else none. */
    String forSide(Config config, String side) {
        String configured = config.getOptionalValue(SipSettings.applicationSetting(side), String.class).orElse(null);
        if (configured != null) {
            return names.contains(configured) ? configured : null;
        }
        return names.size() == 1 ? names.iterator().next() : null;
    }

    void undeploy() {
        for (Unmanaged.UnmanagedInstance<?> instance : instances) {
            instance.preDestroy().dispose();
        }
        instances.clear();
    }
}
