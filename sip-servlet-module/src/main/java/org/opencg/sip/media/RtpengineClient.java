package org.opencg.sip.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Talks to rtpengine over its ng control protocol (UDP). One socket per request keeps requests independent.
 */
public class RtpengineClient {

    private final InetSocketAddress address;
    private final Duration timeout;

    public RtpengineClient(InetSocketAddress address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
    }

    public InetSocketAddress address() {
        return address;
    }

    /**
     * Sends one command and waits for its reply, sending it again every quarter of the timeout: ng runs over UDP,
     * and a datagram lost or left in a busy rtpengine's queue must not cost the call. rtpengine answers a repeated
     * cookie from its cache instead of executing the command twice, so a repeated offer creates no second call.
     *
     * @throws RtpengineException when rtpengine does not answer in time, answers garbage or reports an error
     */
    public Map<String, Object> request(Map<String, Object> command) {
        NgMessage request = new NgMessage(UUID.randomUUID().toString().replace("-", ""), command);
        byte[] bytes = request.toBytes();
        try (DatagramSocket socket = new DatagramSocket()) {
            // Connected: the kernel hands this socket only rtpengine's datagrams. Its port is an ephemeral one, which
            // may be named as a media port in some SDP; media sent there must not be taken for a reply.
            socket.connect(address);
            byte[] buffer = new byte[65535];
            long nextSend = System.nanoTime();
            long deadline = nextSend + timeout.toNanos();
            long resendEvery = Math.max(timeout.toNanos() / 4, 1_000_000L);
            while (true) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    throw new SocketTimeoutException();
                }
                if (now - nextSend >= 0) {
                    socket.send(new DatagramPacket(bytes, bytes.length, address));
                    nextSend += resendEvery;
                }
                socket.setSoTimeout((int) Math.max(1, (Math.min(nextSend, deadline) - now) / 1_000_000L));
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                NgMessage answer = parsed(reply);
                if (answer != null && answer.cookie().equals(request.cookie())) {
                    return checked(command, answer.body());
                }
            }
        } catch (java.net.PortUnreachableException e) {
            throw new RtpengineException("rtpengine at " + hostPort() + " did not answer '" + command.get("command")
                    + "': nothing listens there");
        } catch (SocketTimeoutException e) {
            throw new RtpengineException("rtpengine at " + hostPort() + " did not answer '" + command.get("command")
                    + "' within " + timeout.toMillis() + " ms");
        } catch (IOException | IllegalArgumentException e) {
            throw new RtpengineException("rtpengine at " + hostPort() + ": " + e.getMessage());
        }
    }

    /** The reply in a datagram, or null for one that is no ng message (skipped: the right one may still come). */
    private static NgMessage parsed(DatagramPacket reply) {
        try {
            return NgMessage.parse(reply.getData(), reply.getLength());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True when rtpengine answers {@code ping} with {@code pong}. */
    public void ping() {
        Object result = request(Map.of("command", "ping")).get("result");
        if (!"pong".equals(result)) {
            throw new RtpengineException("rtpengine at " + hostPort() + " answered ping with " + result);
        }
    }

    private Map<String, Object> checked(Map<String, Object> command, Map<String, Object> reply) {
        if ("error".equals(reply.get("result"))) {
            throw RtpengineException.refused(String.valueOf(command.get("command")), reply.get("error-reason"));
        }
        return reply;
    }

    private String hostPort() {
        return address.getHostString() + ":" + address.getPort();
    }
}
