package org.opencg.sip.container.admission;

import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the TCP and TLS connections the sides accept. JAIN-SIP gives each accepted connection a thread of its own
 * until it closes, so what bounds connections bounds threads: a source may hold {@code perSource} of them and all
 * sources together {@code max}; a connection silent for the idle time is closed (the read times out). A connection
 * is counted until JAIN-SIP closes its socket.
 */
final class ConnectionGuard {

    private final int max;
    private final int perSource;
    private final int idleMillis;
    private final Map<InetAddress, Set<Socket>> open = new ConcurrentHashMap<>();

    ConnectionGuard(int max, int perSource, int idleSeconds) {
        this.max = max;
        this.perSource = perSource;
        this.idleMillis = idleSeconds * 1000;
    }

    /** Takes the accepted connection into the count, or says why not (it is then the caller's to close). */
    synchronized String admit(Socket socket) {
        InetAddress source = socket.getInetAddress();
        Set<Socket> ofSource = open.computeIfAbsent(source, s -> ConcurrentHashMap.newKeySet());
        ofSource.removeIf(Socket::isClosed);
        if (ofSource.size() >= perSource) {
            return "it holds " + perSource + " connections already (opencg.sip.connections.per-source)";
        }
        if (count() >= max) {
            open.values().forEach(sockets -> sockets.removeIf(Socket::isClosed));
            open.values().removeIf(Set::isEmpty);
            if (count() >= max) {
                return "the gateway holds " + max + " connections already (opencg.sip.connections.max)";
            }
        }
        try {
            socket.setSoTimeout(idleMillis);
        } catch (SocketException e) {
            return "its socket failed: " + e.getMessage();
        }
        open.computeIfAbsent(source, s -> ConcurrentHashMap.newKeySet()).add(socket);
        return null;
    }

    /** Connections counted now (some may have closed since the last accept looked). */
    int count() {
        int count = 0;
        for (Set<Socket> sockets : open.values()) {
            count += sockets.size();
        }
        return count;
    }

    /** Connections open now, closed ones left out. */
    int openNow() {
        int count = 0;
        for (Set<Socket> sockets : open.values()) {
            for (Socket socket : sockets) {
                count += socket.isClosed() ? 0 : 1;
            }
        }
        return count;
    }
}
