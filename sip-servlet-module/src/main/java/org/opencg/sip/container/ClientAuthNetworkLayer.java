package org.opencg.sip.container;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.util.Properties;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.ClientAuthType;
import org.opencg.sip.container.admission.Admission;
import org.opencg.sip.container.stream.FramedSocket;
import org.opencg.sip.container.stream.FramedSslSocket;
import org.opencg.sip.container.stream.StreamRefusals;

/**
 * JAIN-SIP's network layer with the sides' {@link Admission} at every accepted TCP and TLS connection (a source the
 * side does not take, a banned one, or one over the connection limits is closed before anything is read), every
 * connection's input framed and held to {@link SipSettings#MAX_PARSED_BYTES} per message while it is read
 * ({@link org.opencg.sip.container.stream.MessageFraming}), the TLS
 * contexts of {@link TlsContexts}, and client-certificate policy per TLS listening point (mutual TLS on one side, not
 * on another). JAIN-SIP has one policy per stack, and its TLS listening point clears a required client certificate
 * on its server socket while setting it up, so the policy is applied here to every connection it accepts instead.
 * JAIN-SIP creates this class by name ({@code gov.nist.javax.sip.NETWORK_LAYER}); the policies come with the stack's
 * properties, one per listening point, under {@link #policyKey}.
 */
public final class ClientAuthNetworkLayer implements NetworkLayer {

    private static final String POLICY_PREFIX = "opencg.sip.tls.client-auth@";

    private final NetworkLayer plain = gov.nist.core.net.DefaultNetworkLayer.SINGLETON;
    private TlsContexts tls;
    private Properties properties;
    private Admission admission;
    private StreamRefusals refusals = (source, status, reason, closing) -> { };

    /** The stack property holding the policy ({@code Disabled}, {@code Want} or {@code Enabled}) of one listening point. */
    static String policyKey(String address, int port) {
        return POLICY_PREFIX + address + ":" + port;
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        properties = stack.getConfigurationProperties();
        admission = Admission.of(stack.getStackName());
        if (admission != null) {
            refusals = admission::streamRefused;
        }
        if (properties.getProperty("javax.net.ssl.keyStore") == null) {
            return; // no TLS side: plain sockets only
        }
        try {
            tls = TlsContexts.from(properties);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the TLS key or trust store: " + e.getMessage(), e);
        }
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ClientAuthType policy = ClientAuthType.valueOf(
                properties.getProperty(policyKey(address.getHostAddress(), port), ClientAuthType.Disabled.name()));
        SSLServerSocket socket = (SSLServerSocket) tls().server().getServerSocketFactory()
                .createServerSocket(port, backlog, address);
        return new ClientAuthServerSocket(socket, policy, gate(address, port), this::framed);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new NoDelayServerSocket(port, backlog, address, gate(address, port), refusals);
    }

    /** A TLS connection whose decrypted input is framed. */
    SSLSocket framed(SSLSocket socket) {
        return new FramedSslSocket(socket, SipSettings.MAX_PARSED_BYTES, refusals);
    }

    /** Decides on each connection the listening point accepts: null to keep it, else why it is closed. */
    @FunctionalInterface
    interface Gate {
        String refusal(Socket accepted);
    }

    private Gate gate(InetAddress address, int port) {
        Admission current = admission;
        return current == null ? socket -> null
                : socket -> current.connection(address.getHostAddress(), port, socket);
    }

    /** A server socket's accept. */
    @FunctionalInterface
    interface Accept<T extends Socket> {
        T next() throws IOException;
    }

    /** Accepts the next connection the gate keeps; those it refuses are closed at once, before any handshake. */
    static <T extends Socket> T acceptThrough(Gate gate, Accept<T> accept) throws IOException {
        while (true) {
            T socket = accept.next();
            if (gate.refusal(socket) == null) {
                return noDelay(socket);
            }
            try {
                socket.setSoLinger(true, 0); // a reset: nothing of ours lingers for a refused source
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /**
     * JAIN-SIP leaves Nagle's algorithm on for SIP over TCP and TLS: a message written while the previous one waits
     * for its (delayed) ACK then waits up to 40 ms. A SIP message is written whole, so it goes at once.
     */
    static <T extends Socket> T noDelay(T socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** A TCP server socket whose connections send without delay (see {@link #noDelay}) and are read framed. */
    private static final class NoDelayServerSocket extends ServerSocket {

        private final Gate gate;
        private final StreamRefusals refusals;

        NoDelayServerSocket(int port, int backlog, InetAddress address, Gate gate, StreamRefusals refusals)
                throws IOException {
            super(port, backlog, address);
            this.gate = gate;
            this.refusals = refusals;
        }

        @Override
        public Socket accept() throws IOException {
            return acceptThrough(gate, () -> {
                Socket socket = new FramedSocket(SipSettings.MAX_PARSED_BYTES, refusals);
                implAccept(socket);
                return socket;
            });
        }
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return createSocket(address, port, null, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return createSocket(address, port, localAddress, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = new FramedSocket(SipSettings.MAX_PARSED_BYTES, refusals);
        try {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, localPort));
            }
            socket.connect(new InetSocketAddress(address, port));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return noDelay(socket);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return framed(verifyingServer(noDelay((SSLSocket) tls().client().getSocketFactory()
                .createSocket(address, port))));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return framed(verifyingServer(noDelay((SSLSocket) tls().client().getSocketFactory()
                .createSocket(address, port, localAddress, 0))));
    }

    /**
     * The server we call must prove the name we called it by (RFC 5922 §7.1, as HTTPS does): the peer's configured
     * name, which JAIN-SIP's address keeps from the Request-URI and JSSE also sends as SNI, or its IP address when
     * it was configured as one.
     */
    private static SSLSocket verifyingServer(SSLSocket socket) {
        javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }

    private TlsContexts tls() throws IOException {
        if (tls == null) {
            throw new IOException("no TLS key or trust store is configured");
        }
        return tls;
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress address) throws SocketException {
        return plain.createDatagramSocket(port, address);
    }
}
