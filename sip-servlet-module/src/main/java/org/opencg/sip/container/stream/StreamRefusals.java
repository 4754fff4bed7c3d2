package org.opencg.sip.container.stream;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/** Counts and logs what the stream framing refuses, per source; the container's admission takes it. */
@FunctionalInterface
public interface StreamRefusals {

    /** One message refused from {@code source}; {@code closing}: its connection is closed for it. */
    void refused(InetAddress source, int status, String reason, boolean closing);

    /** Writes a response on a connection. */
    @FunctionalInterface
    interface Writer {
        void write(byte[] response) throws IOException;
    }

    /** The refusals of one connection, answered on it. */
    default FramedInputStream.Refusals on(Socket socket, Writer writer) {
        StreamRefusals counted = this;
        return new FramedInputStream.Refusals() {
            @Override
            public void answer(byte[] response) throws IOException {
                writer.write(response);
            }

            @Override
            public void refused(int status, String reason, boolean closing) {
                counted.refused(socket.getInetAddress(), status, reason, closing);
            }
        };
    }
}
