package org.opencg.sip.container;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.util.Properties;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import gov.nist.core.net.NetworkLayer;
import gov.nist.core.net.SslNetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.ClientAuthType;

/**
 * JAIN-SIP's network layer with client-certificate policy per TLS listening point (mutual TLS on one side, not on
 * another). JAIN-SIP has one policy per stack, and its TLS listening point clears a required client certificate
 * on its server socket while setting it up, so the policy is applied here to every connection it accepts instead.
 * JAIN-SIP creates this class by name ({@code gov.nist.javax.sip.NETWORK_LAYER}); the policies come with the stack's
 * properties, one per listening point, under {@link #policyKey}.
 */
public final class ClientAuthNetworkLayer implements NetworkLayer {

    private static final String POLICY_PREFIX = "opencg.sip.tls.client-auth@";

    private SslNetworkLayer delegate;
    private Properties properties;

    /** The stack property holding the policy ({@code Disabled}, {@code Want} or {@code Enabled}) of one listening point. */
    static String policyKey(String address, int port) {
        return POLICY_PREFIX + address + ":" + port;
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        properties = stack.getConfigurationProperties();
        try {
            delegate = new SslNetworkLayer(stack, properties.getProperty("javax.net.ssl.trustStore"),
                    properties.getProperty("javax.net.ssl.keyStore"),
                    properties.getProperty("javax.net.ssl.keyStorePassword").toCharArray(),
                    properties.getProperty("javax.net.ssl.trustStorePassword").toCharArray(),
                    properties.getProperty("javax.net.ssl.keyStoreType"),
                    properties.getProperty("javax.net.ssl.trustStoreType"));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the TLS key or trust store: " + e.getMessage(), e);
        }
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ClientAuthType policy = ClientAuthType.valueOf(
                properties.getProperty(policyKey(address.getHostAddress(), port), ClientAuthType.Disabled.name()));
        return new ClientAuthServerSocket(delegate.createSSLServerSocket(port, backlog, address), policy);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new NoDelayServerSocket(port, backlog, address);
    }

    /**
     * JAIN-SIP leaves Nagle's algorithm on for SIP over TCP and TLS: a message written while the previous one waits
     * for its (delayed) ACK then waits up to 40 ms. A SIP message is written whole, so it goes at once.
     */
    static <T extends Socket> T noDelay(T socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** A TCP server socket whose connections send without delay (see {@link #noDelay}). */
    private static final class NoDelayServerSocket extends ServerSocket {

        NoDelayServerSocket(int port, int backlog, InetAddress address) throws IOException {
            super(port, backlog, address);
        }

        @Override
        public Socket accept() throws IOException {
            return noDelay(super.accept());
        }
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return noDelay(delegate.createSocket(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return noDelay(delegate.createSocket(address, port, localAddress));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return noDelay(delegate.createSSLSocket(address, port));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return noDelay(delegate.createSSLSocket(address, port, localAddress));
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return delegate.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress address) throws SocketException {
        return delegate.createDatagramSocket(port, address);
    }
}
