package org.opencg.sip.container;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

import javax.servlet.sip.annotation.SipListener;
import javax.servlet.sip.annotation.SipServlet;

/**
 * Finds the classes annotated {@code @SipServlet} and {@code @SipListener} in the deployment (JSR 289 §18)
 * while CDI scans it; the container instantiates them when it starts.
 */
public class SipApplicationScanner implements Extension {

    private final List<Class<?>> servlets = new CopyOnWriteArrayList<>();
    private final List<Class<?>> listeners = new CopyOnWriteArrayList<>();

    <T> void found(@Observes @WithAnnotations({SipServlet.class, SipListener.class}) ProcessAnnotatedType<T> type) {
        Class<T> found = type.getAnnotatedType().getJavaClass();
        if (found.isAnnotationPresent(SipServlet.class)) {
            servlets.add(found);
        }
        if (found.isAnnotationPresent(SipListener.class)) {
            listeners.add(found);
        }
    }

    public List<Class<?>> servlets() {
        return List.copyOf(servlets);
    }

    public List<Class<?>> listeners() {
        return List.copyOf(listeners);
    }
}
