package org.opencg.sip.container;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import gov.nist.javax.sip.stack.ClientAuthType;

/**
 * A TLS server socket whose client-certificate policy is fixed at creation: what JAIN-SIP sets afterwards is
 * ignored, and every accepted connection passes the gate and gets the policy before its handshake, and is read
 * framed. The rest is the real socket's.
 */
final class ClientAuthServerSocket extends SSLServerSocket {

    private final SSLServerSocket socket;
    private final ClientAuthType policy;
    private final ClientAuthNetworkLayer.Gate gate;
    private final UnaryOperator<SSLSocket> framing;

    ClientAuthServerSocket(SSLServerSocket socket, ClientAuthType policy, ClientAuthNetworkLayer.Gate gate,
            UnaryOperator<SSLSocket> framing) throws IOException {
        this.socket = socket;
        this.policy = policy;
        this.gate = gate;
        this.framing = framing;
    }

    @Override
    public Socket accept() throws IOException {
        SSLSocket accepted = ClientAuthNetworkLayer.acceptThrough(gate, () -> (SSLSocket) socket.accept());
        switch (policy) {
            case Enabled -> accepted.setNeedClientAuth(true);
            case Want -> accepted.setWantClientAuth(true);
            default -> accepted.setNeedClientAuth(false);
        }
        return framing.apply(accepted);
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        // fixed by the listening point's policy
    }

    @Override
    public boolean getNeedClientAuth() {
        return policy == ClientAuthType.Enabled;
    }

    @Override
    public void setWantClientAuth(boolean want) {
        // fixed by the listening point's policy
    }

    @Override
    public boolean getWantClientAuth() {
        return policy == ClientAuthType.Want;
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return socket.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        socket.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return socket.getSupportedCipherSuites();
    }

    @Override
    public String[] getSupportedProtocols() {
        return socket.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return socket.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        socket.setEnabledProtocols(protocols);
    }

    @Override
    public void setUseClientMode(boolean mode) {
        socket.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return socket.getUseClientMode();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        socket.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return socket.getEnableSessionCreation();
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        socket.bind(endpoint, backlog);
    }

    @Override
    public InetAddress getInetAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return socket.getLocalSocketAddress();
    }

    @Override
    public boolean isBound() {
        return socket.isBound();
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws java.net.SocketException {
        socket.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws IOException {
        return socket.getSoTimeout();
    }

    @Override
    public String toString() {
        return socket + " client-auth=" + policy;
    }
}
