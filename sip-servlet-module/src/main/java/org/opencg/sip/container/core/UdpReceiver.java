package org.opencg.sip.container.core;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.logging.Level;
import java.util.logging.Logger;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;

/**
 * JAIN-SIP's UDP listener with one receive buffer instead of a new 64 KB array per datagram. The stock
 * {@link UDPMessageProcessor} allocates the largest possible datagram for every message it reads, which at
 * 800 calls/s was a third of all the gateway allocated (240 MB/s, JFR) and much of its young collections' work. Here each
 * datagram is read into the one buffer and only its bytes are copied out for the worker that parses it; under
 * overload a new call is refused here, before it is parsed ({@link EarlyShedding}). Everything else (the worker
 * threads that take datagrams off the queue, congestion control, stopping) is JAIN-SIP's own.
 */
public final class UdpReceiver extends UDPMessageProcessor {

    private static final Logger LOG = Logger.getLogger(UdpReceiver.class.getName());
    /** The largest UDP payload (RFC 768 over IPv4: 65,535 − 8 − 20), so nothing a peer sends is cut short. */
    private static final int LARGEST_DATAGRAM = 65_507;
    /** JAIN-SIP's workers take datagrams off the queue; their constructor is protected, so it is opened once here. */
    private static final Constructor<UDPMessageChannel> WORKER;

    static {
        try {
            WORKER = UDPMessageChannel.class.getDeclaredConstructor(SIPTransactionStack.class,
                    UDPMessageProcessor.class, String.class);
            WORKER.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int workers;
    private EarlyShedding shedding;

    UdpReceiver(InetAddress address, SIPTransactionStack stack, int port, int workers) throws IOException {
        super(address, stack, port);
        this.workers = workers;
    }

    @Override
    public void run() {
        messageChannels = new LinkedList<>();
        for (int i = 0; i < workers; i++) {
            messageChannels.add(worker(((SipStackImpl) sipStack).getStackName() + "-UDPMessageChannelThread-" + i));
        }
        byte[] buffer = new byte[LARGEST_DATAGRAM];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        while (isRunning) {
            try {
                received.setData(buffer, 0, buffer.length);
                sock.receive(received);
                if (shedHere(buffer, received)) {
                    continue;
                }
                byte[] bytes = Arrays.copyOf(buffer, received.getLength());
                messageQueue.offer(new DatagramQueuedMessageDispatch(
                        new DatagramPacket(bytes, bytes.length, received.getSocketAddress()), System.currentTimeMillis()));
            } catch (IOException e) {
                if (!isRunning) {
                    return;
                }
                // One bad read (an ICMP error surfacing on the socket) must not stop the listener.
                LOG.log(Level.FINE, "UDP receive on " + getIpAddress().getHostAddress() + ":" + getPort(), e);
            }
        }
    }

    /** Whether the datagram was answered or dropped here instead of going on to the parser. */
    private boolean shedHere(byte[] buffer, DatagramPacket received) throws IOException {
        if (shedding == null) {
            shedding = EarlyShedding.of(((SipStackImpl) sipStack).getStackName());
            if (shedding == null) {
                return false; // a stack the container did not start (tests' own)
            }
        }
        DatagramQueuedMessageDispatch oldest = messageQueue.peek();
        long waited = oldest == null ? 0 : System.currentTimeMillis() - oldest.getReceptionTime();
        byte[] answer = shedding.judge(buffer, received.getLength(), waited, received.getAddress(),
                getIpAddress().getHostAddress(), getPort());
        if (answer == null) {
            return false;
        }
        if (answer.length > 0) {
            sock.send(new DatagramPacket(answer, answer.length, received.getSocketAddress()));
        }
        return true;
    }

    /**
     * Sends a datagram from the listening socket to where a request came from, whatever its Via says: for the
     * stateless answers of the admission, which must never follow a Via the sender made up (RFC 3261 §18.2.2).
     */
    public void answer(byte[] bytes, InetAddress to, int port) throws IOException {
        sock.send(new DatagramPacket(bytes, bytes.length, to, port));
    }

    private UDPMessageChannel worker(String name) {
        try {
            return WORKER.newInstance(sipStack, this, name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start JAIN-SIP's UDP worker " + name, e);
        }
    }

    /** Installed as {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}: UDP gets this receiver, TCP and TLS JAIN-SIP's. */
    public static final class Factory extends OIOMessageProcessorFactory {
        @Override
        public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                String transport) throws IOException {
            if ("udp".equalsIgnoreCase(transport)) {
                UdpReceiver receiver = new UdpReceiver(address, stack, port, workers(stack));
                sendFromListeningSocket(stack);
                return receiver;
            }
            return super.createMessageProcessor(stack, address, port, transport);
        }

        /**
         * What JAIN-SIP's own factory does for UDP (its package-private {@code udpFlag}): requests leave from the
         * listening socket, not from a fresh one closed after sending. Peers such as SIPp answer the source address
         * of a request rather than its Via; from a closed socket their responses would be lost.
         */
        private static void sendFromListeningSocket(SIPTransactionStack stack) {
            try {
                java.lang.reflect.Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
                flag.setAccessible(true);
                flag.setBoolean(stack, true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make JAIN-SIP send UDP from its listening socket", e);
            }
        }

        private static int workers(SIPTransactionStack stack) {
            String size = ((SipStackImpl) stack).getConfigurationProperties()
                    .getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
            return Math.max(1, Integer.parseInt(size.trim()));
        }
    }
}
