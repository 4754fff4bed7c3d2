package org.opencg.sip.container.admission;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.opencg.sip.container.core.PeerAdmission;
import org.opencg.sip.container.core.SourceAdmission;

/**
 * Who gets in on each SIP side, decided before JAIN-SIP makes a transaction or a servlet sees anything (Kamailio's
 * permissions and pike modules in one place): a connection from a source the side does not take, a banned source
 * or one over the connection limits is closed as it is accepted; a request from a banned source, from a scanner or
 * over the source's rate is dropped unanswered (the source is banned), and one from a source the side does not take
 * is refused with 403. JAIN-SIP creates the valve and network layer that ask it by class name, so they find it
 * through the stack's name.
 */
public final class Admission implements PeerAdmission, SourceAdmission {

    private static final Logger LOG = Logger.getLogger(Admission.class.getName());
    private static final Map<String, Admission> BY_STACK = new ConcurrentHashMap<>();

    /** What becomes of a request. */
    public enum Verdict {
        /** Goes on to the container. */
        PASS,
        /** Answered 403: the side does not take its source. */
        REFUSE,
        /** Dropped unanswered: a banned source, a scanner, or over the rate. */
        DROP
    }

    /** Why requests and connections were turned away, as the metrics name it. */
    public enum Reason {
        SOURCE, RATE, SCANNER, BANNED, CONNECTIONS,
        /** A message over the size limit, refused as the stream was read (513). */
        OVERSIZE,
        /** A stream that could not be split into messages; its connection is closed. */
        MALFORMED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, String> sideByPoint;
    private final SideAccess access;
    private final FloodGuard flood;
    private final ConnectionGuard connections;
    private final AdmissionSettings settings;
    private final Map<Reason, AtomicLong> turnedAway = new ConcurrentHashMap<>();
    /** Refusals logged lately, by source and reason: once in ten minutes, not once per packet. */
    private final Cache<String, Boolean> logged = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /** @param sideByPoint the side of each listening point, by {@code address:port} */
    public Admission(AdmissionSettings settings, Map<String, String> sideByPoint) {
        this.settings = settings;
        this.sideByPoint = Map.copyOf(sideByPoint);
        this.access = new SideAccess(settings.sides());
        this.flood = new FloodGuard(settings.peerRequestsPerSecond(), settings.requestsPerSecond(),
                settings.strangerRequestsPerSecond(), settings.banSeconds());
        this.connections = new ConnectionGuard(settings.maxConnections(), settings.connectionsPerSource(),
                settings.idleSeconds());
        for (Reason reason : Reason.values()) {
            turnedAway.put(reason, new AtomicLong());
        }
    }

    public static void register(String stackName, Admission admission) {
        BY_STACK.put(stackName, admission);
    }

    public static void unregister(String stackName) {
        BY_STACK.remove(stackName);
    }

    /** The admission of the stack of this name; null for a stack the container did not start (tests' own). */
    public static Admission of(String stackName) {
        return BY_STACK.get(stackName);
    }

    public static String point(String address, int port) {
        return address + ":" + port;
    }

    public AdmissionSettings settings() {
        return settings;
    }

    @Override
    public void admitPeer(String side, InetAddress address) {
        access.admitPeer(side, address);
    }

    /** A request that arrived on the listening point {@code address:port} from {@code source}. */
    public Verdict request(String localAddress, int localPort, InetAddress source, String userAgent) {
        if (flood.banned(source)) {
            return away(Reason.BANNED, Verdict.DROP);
        }
        String side = sideByPoint.get(point(localAddress, localPort));
        if (userAgent != null && isScanner(userAgent)) {
            flood.ban(source, "scanner User-Agent '" + userAgent + "'");
            return away(Reason.SCANNER, Verdict.DROP);
        }
        FloodGuard.Standing standing = access.standing(side, source);
        if (!flood.withinRate(source, standing)) {
            return away(Reason.RATE, Verdict.DROP);
        }
        if (standing == FloodGuard.Standing.STRANGER) {
            refusedOnce(source, Reason.SOURCE, "SIP: refusing requests from " + source.getHostAddress() + " on side "
                    + side + ": not a peer and outside " + AdmissionSettings.allowedSourcesSetting(side));
            return away(Reason.SOURCE, Verdict.REFUSE);
        }
        return Verdict.PASS;
    }

    @Override
    public boolean admits(String localAddress, int localPort, InetAddress source, String userAgent) {
        return request(localAddress, localPort, source, userAgent) == Verdict.PASS;
    }

    /**
     * A connection just accepted on {@code address:port}: null when it may stay (its idle timeout is then set),
     * else why it must be closed.
     */
    public String connection(String localAddress, int localPort, Socket socket) {
        InetAddress source = socket.getInetAddress();
        if (flood.banned(source)) {
            away(Reason.BANNED, null);
            return "banned";
        }
        String side = sideByPoint.get(point(localAddress, localPort));
        if (!access.allows(side, source)) {
            refusedOnce(source, Reason.SOURCE, "SIP: closing connections from " + source.getHostAddress() + " on side "
                    + side + ": not a peer and outside " + AdmissionSettings.allowedSourcesSetting(side));
            away(Reason.SOURCE, null);
            return "not allowed on side " + side;
        }
        String refused = connections.admit(socket);
        if (refused != null) {
            refusedOnce(source, Reason.CONNECTIONS, "SIP: closing a connection from " + source.getHostAddress() + ": "
                    + refused);
            away(Reason.CONNECTIONS, null);
        }
        return refused;
    }

    /** A message refused as its connection's stream was read (stream.MessageFraming). */
    public void streamRefused(InetAddress source, int status, String reason, boolean closing) {
        Reason why = status == 513 ? Reason.OVERSIZE : Reason.MALFORMED;
        away(why, null);
        refusedOnce(source, why, "SIP: answered a message from " + source.getHostAddress() + " with " + status + " "
                + reason + (closing ? " and closed its connection" : ""));
    }

    private boolean isScanner(String userAgent) {
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String scanner : settings.scannerAgents()) {
            if (agent.contains(scanner)) {
                return true;
            }
        }
        return false;
    }

    private Verdict away(Reason reason, Verdict verdict) {
        turnedAway.get(reason).incrementAndGet();
        return verdict;
    }

    private void refusedOnce(InetAddress source, Reason reason, String line) {
        if (logged.asMap().putIfAbsent(source.getHostAddress() + " " + reason, Boolean.TRUE) == null) {
            LOG.warning(line);
        }
    }

    /** Requests and connections turned away for this reason since the start. */
    public long turnedAway(Reason reason) {
        return turnedAway.get(reason).get();
    }

    public long bannedSources() {
        return flood.bannedNow();
    }

    public long bansStarted() {
        return flood.bansStarted();
    }

    public int openConnections() {
        return connections.openNow();
    }
}
