package org.opencg.sip.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import org.eclipse.microprofile.config.ConfigProvider;
import org.opencg.core.config.StartupFailure;

/**
 * Owns the JAIN-SIP stack: creates one provider per named side ({@code operator}, later {@code teams},
 * {@code isc}) with that side's listening points, starts with the deployment and stops with it. A listening
 * point that cannot be bound stops the deployment with a line naming its setting.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SipStackService {

    private static final Logger LOG = Logger.getLogger(SipStackService.class.getName());

    private volatile SipStack stack;
    private volatile List<ListeningPointSpec> listening = List.of();

    @PostConstruct
    void start() {
        List<ListeningPointSpec> specs;
        try {
            specs = SipSettings.listeningPoints(ConfigProvider.getConfig());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw new StartupFailure(message.substring(0, Math.max(colon, 0)), message.substring(colon + 1).trim(), e);
        }
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        try {
            stack = factory.createSipStack(stackProperties());
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("JAIN-SIP stack cannot be created: " + e.getMessage(), e);
        }
        try {
            JainFactories messages = JainFactories.create();
            OptionsResponder responder = new OptionsResponder(messages);
            for (Map.Entry<String, List<ListeningPointSpec>> side : bySide(specs).entrySet()) {
                SipProvider provider = null;
                for (ListeningPointSpec spec : side.getValue()) {
                    ListeningPoint point = listen(spec);
                    if (provider == null) {
                        provider = stack.createSipProvider(point);
                        provider.addSipListener(responder);
                    } else {
                        provider.addListeningPoint(point);
                    }
                }
            }
            stack.start();
        } catch (StartupFailure e) {
            stop();
            throw e;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("SIP stack failed to start: " + e.getMessage(), e);
        }
        listening = specs;
        LOG.info("SIP listening on " + specs);
    }

    private ListeningPoint listen(ListeningPointSpec spec) {
        try {
            return stack.createListeningPoint(spec.address(), spec.port(), spec.transport().jainName());
        } catch (Exception e) {
            String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            throw new StartupFailure(SipSettings.listeningPointSetting(spec.name()),
                    "cannot listen on " + spec + " (" + cause + ")", e);
        }
    }

    private static Map<String, List<ListeningPointSpec>> bySide(List<ListeningPointSpec> specs) {
        Map<String, List<ListeningPointSpec>> sides = new LinkedHashMap<>();
        specs.forEach(spec -> sides.computeIfAbsent(spec.name(), n -> new ArrayList<>()).add(spec));
        return sides;
    }

    private static Properties stackProperties() {
        Properties properties = new Properties();
        // A fresh name per start: SipFactory caches stacks by name, and a redeployment must get a new one.
        properties.setProperty("javax.sip.STACK_NAME", "opencg-" + UUID.randomUUID());
        // The B2BUA keeps its own dialog state; the stack must not answer or create dialogs by itself.
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        return properties;
    }

    @PreDestroy
    void stop() {
        SipStack running = stack;
        stack = null;
        listening = List.of();
        if (running != null) {
            running.stop();
        }
    }

    /** The listening points in use; empty while the stack is not running. */
    public List<ListeningPointSpec> listening() {
        return stack == null ? List.of() : listening;
    }
}
