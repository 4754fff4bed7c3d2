package org.opencg.sip.container.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** A TCP socket whose input JAIN-SIP reads through {@link FramedInputStream}; accepted or connected as usual. */
public final class FramedSocket extends Socket {

    private final int limit;
    private final StreamRefusals refusals;
    private InputStream framed;

    public FramedSocket(int limit, StreamRefusals refusals) {
        this.limit = limit;
        this.refusals = refusals;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (framed == null) {
            framed = new FramedInputStream(super.getInputStream(), limit, refusals.on(this, this::answer));
        }
        return framed;
    }

    private void answer(byte[] response) throws IOException {
        OutputStream out = getOutputStream();
        out.write(response); // one write: it cannot interleave with JAIN-SIP's, which also write whole messages
        out.flush();
    }
}
