package org.opencg.sip.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives the DTMF events rtpengine reports (its {@code --dtmf-log-dest}, which the launcher points here) on one
 * thread and hands each to a consumer. Closing it stops the thread.
 */
public final class DtmfEventListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DtmfEventListener.class.getName());

    private final DatagramSocket socket;

    private DtmfEventListener(DatagramSocket socket, Consumer<DtmfEvent> consumer) {
        this.socket = socket;
        Thread thread = new Thread(() -> receive(consumer), "opencg-dtmf-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Listens at {@code address}; a socket that cannot be had is an IOException naming the address. */
    public static DtmfEventListener listen(InetSocketAddress address, Consumer<DtmfEvent> consumer) throws IOException {
        try {
            return new DtmfEventListener(new DatagramSocket(address), consumer);
        } catch (SocketException e) {
            throw new IOException(address.getHostString() + ":" + address.getPort() + ": " + e.getMessage(), e);
        }
    }

    private void receive(Consumer<DtmfEvent> consumer) {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                DtmfEvent.parse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))
                        .ifPresent(consumer);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.FINE, "DTMF event not read", e);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "DTMF event not handled", e);
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
