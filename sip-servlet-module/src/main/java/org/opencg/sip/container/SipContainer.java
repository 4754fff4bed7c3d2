package org.opencg.sip.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.opencg.core.config.DataDirectory;
import org.opencg.core.config.StartupFailure;
import org.opencg.sip.container.core.ContainerContext;
import org.opencg.sip.container.core.Dispatcher;
import org.opencg.sip.container.core.EarlyShedding;
import org.opencg.sip.container.core.Overload;
import org.opencg.sip.container.core.WorkerPool;
import org.opencg.sip.container.core.SideFactory;
import org.opencg.sip.container.admission.Admission;
import org.opencg.sip.container.admission.AdmissionSettings;
import org.opencg.sip.container.admission.AdmissionValve;

/**
 * The SIP servlet container: starts the JAIN-SIP stack with one provider per named side ({@code operator},
 * {@code teams}, {@code isc}), deploys the SIP applications found in the deployment and stops with it. A
 * listening point that cannot be bound stops the deployment with a line naming its setting. On undeployment
 * new INVITEs get 503 while established calls drain for {@code opencg.sip.drain-seconds}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SipContainer {

    private static final Logger LOG = Logger.getLogger(SipContainer.class.getName());

    @Inject
    SipApplicationScanner scanner;

    @Inject
    BeanManager beanManager;

    @Inject
    DataDirectory dataDirectory;

    /**
     * Threads made by the server, so servlet code runs with the deployment's context; the pools over them are
     * plain executors because a managed executor captures and restores that context for every task, which on
     * the SIP path is every message.
     */
    @Resource
    ManagedThreadFactory threads;

    private WorkerPool executor;
    private ScheduledThreadPoolExecutor scheduler;

    private volatile SipStack stack;
    private volatile List<ListeningPointSpec> listening = List.of();
    private volatile ContainerContext context;
    private volatile Dispatcher dispatcher;
    private SipApplications applications;
    private Admission admission;
    private String stackName;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        List<ListeningPointSpec> specs;
        try {
            specs = SipSettings.listeningPoints(config);
        } catch (InvalidSetting e) {
            throw new StartupFailure(e.setting(), e.problem(), e);
        }
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties properties = stackProperties();
        AdmissionSettings admissionSettings = AdmissionSettings.from(config, List.copyOf(bySide(specs).keySet()));
        admission = new Admission(admissionSettings, sideByPoint(specs));
        admitItself(specs);
        stackName = properties.getProperty("javax.sip.STACK_NAME");
        Admission.register(stackName, admission);
        // How many T1 (500 ms) a 2xx waits for its ACK before the dialog times out (RFC 3261 §13.3.1.4: 64).
        properties.setProperty("gov.nist.javax.sip.DIALOG_TIMEOUT_FACTOR", String.valueOf(
                config.getOptionalValue(SipSettings.ACK_TIMEOUT_T1, Integer.class).orElse(64)));
        // A TLS client that connects and never finishes its handshake is closed after this long.
        properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT",
                String.valueOf(admissionSettings.handshakeSeconds() * 1000L));
        if (specs.stream().anyMatch(spec -> spec.transport() == Transport.TLS)) {
            TlsSettings tls = TlsSettings.from(config, dataDirectory.path());
            tls.apply(properties);
            for (ListeningPointSpec spec : specs) {
                if (spec.transport() == Transport.TLS) {
                    properties.setProperty(ClientAuthNetworkLayer.policyKey(spec.address(), spec.port()),
                            tls.clientAuthFor(config, spec.name()).name());
                    properties.setProperty(TlsContexts.namesKey(spec.address(), spec.port()),
                            TlsSettings.clientNamesFor(config, spec.name()));
                }
            }
        }
        try {
            stack = factory.createSipStack(properties);
        } catch (PeerUnavailableException e) {
            Admission.unregister(stackName);
            throw new IllegalStateException("JAIN-SIP stack cannot be created: " + e.getMessage(), e);
        }
        try {
            JainFactories factories = JainFactories.create();
            SideFactory sides = new SideFactory(factories);
            for (Map.Entry<String, List<ListeningPointSpec>> side : bySide(specs).entrySet()) {
                List<ListeningPoint> points = new ArrayList<>();
                for (ListeningPointSpec spec : side.getValue()) {
                    points.add(listen(spec));
                }
                SipProvider provider = stack.createSipProvider(points.get(0));
                for (ListeningPoint point : points.subList(1, points.size())) {
                    provider.addListeningPoint(point);
                }
                sides.add(side.getKey(), provider, points);
            }
            int workers = config.getOptionalValue(SipSettings.WORKER_THREADS, Integer.class)
                    .orElse(2 * Runtime.getRuntime().availableProcessors());
            executor = new WorkerPool(workers, threads);
            scheduler = new ScheduledThreadPoolExecutor(1, threads);
            // Cancelled timers leave the queue at once instead of when they would have fired.
            scheduler.setRemoveOnCancelPolicy(true);
            Overload overload = Overload.watching(executor,
                    config.getOptionalValue(SipSettings.OVERLOAD_QUEUED_TASKS, Integer.class).orElse(5000),
                    config.getOptionalValue(SipSettings.OVERLOAD_QUEUE_DELAY_MS, Integer.class).orElse(2000));
            EarlyShedding.register(stackName, new EarlyShedding(overload, admission));
            context = new ContainerContext(factories, sides.build(), executor, scheduler,
                    config.getOptionalValue(SipSettings.APPLICATION_SESSION_MINUTES, Integer.class).orElse(3),
                    admission, overload);
            applications = new SipApplications(beanManager, context);
            applications.deploy(scanner.servlets(), scanner.listeners());
            // Routing is decided once per side here, not read from configuration per request.
            Map<String, String> routes = new java.util.HashMap<>();
            for (String side : bySide(specs).keySet()) {
                String application = applications.forSide(config, side);
                if (application != null) {
                    routes.put(side, application);
                }
            }
            dispatcher = new Dispatcher(context, routes::get);
            for (SipProvider provider : sides.providers()) {
                provider.addSipListener(dispatcher);
            }
            stack.start();
        } catch (StartupFailure e) {
            stop();
            throw e;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("SIP container failed to start: " + e.getMessage(), e);
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

    /**
     * The gateway's own listening addresses are taken on every side (Kamailio's "myself"): its readiness probe sends
     * OPTIONS from them, and a side with no peer and no address block would otherwise refuse the gateway itself.
     */
    private void admitItself(List<ListeningPointSpec> specs) {
        for (ListeningPointSpec spec : specs) {
            try {
                java.net.InetAddress own = java.net.InetAddress.getByName(spec.address());
                java.net.InetAddress self = own.isAnyLocalAddress() ? java.net.InetAddress.getLoopbackAddress() : own;
                for (String side : bySide(specs).keySet()) {
                    admission.admitPeer(side, self);
                }
            } catch (java.net.UnknownHostException e) {
                throw new StartupFailure(SipSettings.listeningPointSetting(spec.name()),
                        spec.address() + " is not an address of this machine", e);
            }
        }
    }

    /** The side of each listening point, by the {@code address:port} JAIN-SIP reports for it. */
    private static Map<String, String> sideByPoint(List<ListeningPointSpec> specs) {
        Map<String, String> sides = new java.util.HashMap<>();
        for (ListeningPointSpec spec : specs) {
            try {
                sides.put(Admission.point(java.net.InetAddress.getByName(spec.address()).getHostAddress(), spec.port()),
                        spec.name());
            } catch (java.net.UnknownHostException e) {
                throw new StartupFailure(SipSettings.listeningPointSetting(spec.name()),
                        spec.address() + " is not an address of this machine", e);
            }
        }
        return sides;
    }

    private static Map<String, List<ListeningPointSpec>> bySide(List<ListeningPointSpec> specs) {
        Map<String, List<ListeningPointSpec>> sides = new LinkedHashMap<>();
        specs.forEach(spec -> sides.computeIfAbsent(spec.name(), n -> new ArrayList<>()).add(spec));
        return sides;
    }

    /** The JAIN-SIP configuration the container runs with, before TLS; tests build their stacks from it. */
    public static Properties stackProperties() {
        Properties properties = new Properties();
        // A fresh name per start: SipFactory caches stacks by name, and a redeployment must get a new one.
        properties.setProperty("javax.sip.STACK_NAME", "opencg-" + UUID.randomUUID());
        // The container creates dialogs itself, for dialog-creating requests only (JSR 289 §6.2).
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // JAIN-SIP's threads only parse and queue (servlets run on the worker pool): one per core is enough, and
        // more only switch contexts.
        String perCore = String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors()));
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", perCore);
        // A Teams proxy carries every call over one TLS connection, and JAIN-SIP runs one thread per connection:
        // without a pool behind it that thread parses and also runs the transaction layer for every message from
        // Teams, so all of one proxy's calls queue on one core however many the machine has. With it, the
        // connection's thread only frames and parses; messages of one Call-ID still go in order.
        properties.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", perCore);
        // Peers are RFC 3261 (branch ids with the magic cookie): no RFC 2543 transaction matching on every message.
        properties.setProperty("gov.nist.javax.sip.RFC_2543_SUPPORT_ENABLED", "false");
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        // RFC 4475's invalid messages that JAIN-SIP would accept are refused before they are parsed.
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY",
                org.opencg.sip.container.core.StrictParser.Factory.class.getName());
        // UDP is read into one buffer instead of a new 64 KB array per datagram (UdpReceiver).
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                org.opencg.sip.container.core.UdpReceiver.Factory.class.getName());
        // Every request passes the sides' admission before a transaction exists; stray responses end there too.
        properties.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", AdmissionValve.class.getName());
        // Every TCP and TLS connection passes the admission as it is accepted (and TLS sides get their client-auth).
        properties.setProperty("gov.nist.javax.sip.NETWORK_LAYER", ClientAuthNetworkLayer.class.getName());
        // UDP bursts (a GC pause, a peer's retransmissions) wait in the socket instead of being dropped by the
        // kernel; it caps the size at net.core.rmem_max / wmem_max.
        properties.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", String.valueOf(4 << 20));
        properties.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", String.valueOf(4 << 20));
        // Transaction timers on a scheduled executor rather than one java.util.Timer thread and its heap.
        properties.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME",
                "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        // A transaction that ends lets go of its messages and dialog at once: less for the collector to copy.
        // "Aggressive", not "Normal": Normal keeps each ended transaction's request and last response as bytes,
        // encoding both when the transaction completes and parsing the request again when it is removed, about a
        // tenth of the CPU of a call. The container keeps its own copies of the messages it needs, and JAIN-SIP
        // keeps the last response's bytes under every strategy to answer a retransmitted request.
        properties.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Aggressive");
        // Messages over 10 KB are refused with 513 (acg-behaviour.md §3.11) by MessageLimits, which must see them to
        // answer. Streams are held to MAX_PARSED_BYTES per message by the network layer's framing before JAIN-SIP
        // reads them: JAIN-SIP's own stream limits (half of this for the header block) stop its reader silently and
        // leave the connection open, so they are set where framed messages never reach them.
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(4 * SipSettings.MAX_PARSED_BYTES));
        return properties;
    }

    @PreDestroy
    void stop() {
        Dispatcher running = dispatcher;
        if (running != null) {
            running.drain();
            long deadline = System.currentTimeMillis()
                    + 1000L * ConfigProvider.getConfig().getOptionalValue(SipSettings.DRAIN_SECONDS, Integer.class).orElse(0);
            while (context.applicationSessionCount() > 0 && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (context != null) {
            context.destroy();
        }
        if (executor != null) {
            executor.shutdown();
            scheduler.shutdownNow();
        }
        if (applications != null) {
            applications.undeploy();
        }
        SipStack current = stack;
        stack = null;
        listening = List.of();
        dispatcher = null;
        if (current != null) {
            current.stop();
        }
        if (stackName != null) {
            Admission.unregister(stackName);
            EarlyShedding.unregister(stackName);
        }
    }

    /** Who the sides let in, and what they turned away; null when not running. */
    public Admission admission() {
        return stack == null ? null : admission;
    }

    /** The listening points in use; empty while the stack is not running. */
    public List<ListeningPointSpec> listening() {
        return stack == null ? List.of() : listening;
    }

    /** Server transactions the stack holds now (RFC 3261 §17.2); 0 when not running. */
    public int serverTransactions() {
        return stack instanceof gov.nist.javax.sip.stack.SIPTransactionStack s ? s.getServerTransactionTableSize() : 0;
    }

    /** Client transactions the stack holds now (RFC 3261 §17.1); 0 when not running. */
    public int clientTransactions() {
        return stack instanceof gov.nist.javax.sip.stack.SIPTransactionStack s ? s.getClientTransactionTableSize() : 0;
    }

    /** The running container's shared state (metrics, session counts); null when not running. */
    public ContainerContext context() {
        return context;
    }
}
