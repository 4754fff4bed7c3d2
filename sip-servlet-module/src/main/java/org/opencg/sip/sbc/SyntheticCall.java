package org.opencg.sip.sbc;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One synthetic test call (acg-behaviour.md §10), placed as the operator's core would place it: a small SIP user
 * agent over UDP sends an OPTIONS, then an INVITE with a PCMA offer, to the gateway's own operator listening point,
 * waits for the answer, sends RTP (silence) while it holds the call and counts the RTP that comes back, then hangs
 * up. It passes when the call is answered and RTP comes back; anything else fails with the reason in plain words.
 * The INVITE carries the gateway's per-process test-call secret, so the SBC takes it from its own address as a call
 * from the first fixed trunk. Blocking: run it off the SIP workers.
 */
final class SyntheticCall {

    /** The header that marks a test call; its value is the gateway's secret of this process. */
    static final String HEADER = "X-OpenCG-Test-Call";
    /** RTP packets back that make a pass: a fifth of a second of audio, not one stray packet. */
    static final int ENOUGH_RTP = 10;
    private static final Duration RING_LIMIT = Duration.ofSeconds(20);
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3}) ?(.*)$", Pattern.MULTILINE);

    /** How it went. */
    record Outcome(boolean passed, String reason, Long setupMillis, int rtpBack) {
    }

    private final InetSocketAddress gateway;
    private final String secret;
    private final Duration hold;

    SyntheticCall(InetSocketAddress gateway, String secret, Duration hold) {
        this.gateway = gateway;
        this.secret = secret;
        this.hold = hold;
    }

    Outcome call(String from, String to) {
        InetAddress local = gateway.getAddress();
        try (DatagramSocket sip = new DatagramSocket(new InetSocketAddress(local, 0));
                DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(local, 0))) {
            return new Dialog(sip, rtp, from, to).run();
        } catch (IOException e) {
            return new Outcome(false, "the test call could not be placed: " + e.getMessage(), null, 0);
        }
    }

    /** One call's SIP dialog, from INVITE to BYE (RFC 3261 §17.1.1 retransmission over UDP, kept simple). */
    private final class Dialog {
        private final DatagramSocket sip;
        private final DatagramSocket rtp;
        private final String from;
        private final String to;
        private final String callId = "testcall-" + UUID.randomUUID() + "@opencg";
        private final String fromTag = Long.toHexString(System.nanoTime());
        private final String host;
        private String toTag;

        Dialog(DatagramSocket sip, DatagramSocket rtp, String from, String to) {
            this.sip = sip;
            this.rtp = rtp;
            this.from = from;
            this.to = to;
            this.host = sip.getLocalAddress().getHostAddress();
        }

        Outcome run() throws IOException {
            if (!answersOptions()) {
                return new Outcome(false, "the gateway did not answer OPTIONS within 2 s", null, 0);
            }
            long start = System.nanoTime();
            String branch = branch();
            String invite = invite(branch);
            String answer = awaitFinal(invite, branch);
            if (answer == null) {
                return new Outcome(false, "no answer from the gateway within " + RING_LIMIT.toSeconds() + " s", null,
                        0);
            }
            Matcher status = STATUS.matcher(answer);
            status.find();
            int code = Integer.parseInt(status.group(1));
            toTag = tagOf(answer);
            if (code >= 300) {
                send(request("ACK", 1, branch, ""));
                return new Outcome(false, code + " " + status.group(2).strip(), null, 0);
            }
            long setup = Duration.ofNanos(System.nanoTime() - start).toMillis();
            send(request("ACK", 1, branch(), ""));
            InetSocketAddress media = mediaOf(answer);
            int back = media == null ? 0 : exchangeRtp(media);
            send(request("BYE", 2, branch(), ""));
            awaitAnswer("BYE");
            if (media == null) {
                return new Outcome(false, "answered in " + setup + " ms, but the answer had no audio to send to",
                        setup, 0);
            }
            return back >= ENOUGH_RTP
                    ? new Outcome(true, "answered in " + setup + " ms, " + back + " RTP packets back in "
                            + hold.toSeconds() + " s", setup, back)
                    : new Outcome(false, "answered in " + setup + " ms, but only " + back + " RTP packets came back in "
                            + hold.toSeconds() + " s", setup, back);
        }

        /** An OPTIONS outside the call first, as a core polls its SBC: a gateway that answers none gets no INVITE. */
        private boolean answersOptions() throws IOException {
            String branch = branch();
            String options = "OPTIONS sip:" + gateway.getAddress().getHostAddress() + ":" + gateway.getPort()
                    + " SIP/2.0\r\nVia: SIP/2.0/UDP " + host + ":" + sip.getLocalPort() + ";branch=" + branch
                    + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:testcall@" + host + ">;tag=" + fromTag
                    + "\r\nTo: <sip:" + gateway.getAddress().getHostAddress() + ">\r\nCall-ID: options-" + callId
                    + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            for (int attempt = 0; attempt < 4; attempt++) {
                send(options);
                long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
                while (System.nanoTime() < deadline) {
                    String answer = receive(sip, 100);
                    if (answer != null && answer.startsWith("SIP/2.0 ") && answer.contains(branch)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private String invite(String branch) {
            String sdp = "v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=OpenCG test call\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                    + "m=audio " + rtp.getLocalPort() + " RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\n"
                    + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";
            return request("INVITE", 1, branch, sdp);
        }

        private String request(String method, int cseq, String branch, String sdp) {
            StringBuilder m = new StringBuilder();
            m.append(method).append(" sip:").append(to).append('@').append(gateway.getAddress().getHostAddress())
                    .append(':').append(gateway.getPort()).append(";user=phone SIP/2.0\r\n");
            m.append("Via: SIP/2.0/UDP ").append(host).append(':').append(sip.getLocalPort()).append(";branch=")
                    .append(branch).append(";rport\r\n");
            m.append("Max-Forwards: 70\r\n");
            m.append("From: <sip:").append(from).append('@').append(host).append(";user=phone>;tag=").append(fromTag)
                    .append("\r\n");
            m.append("To: <sip:").append(to).append('@').append(gateway.getAddress().getHostAddress())
                    .append(";user=phone>").append(toTag == null ? "" : ";tag=" + toTag).append("\r\n");
            m.append("Call-ID: ").append(callId).append("\r\nCSeq: ").append(cseq).append(' ').append(method)
                    .append("\r\n");
            m.append("Contact: <sip:").append(from).append('@').append(host).append(':').append(sip.getLocalPort())
                    .append(">\r\n");
            if (method.equals("INVITE")) {
                m.append(HEADER).append(": ").append(secret).append("\r\nContent-Type: application/sdp\r\n");
            }
            m.append("Content-Length: ").append(sdp.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
                    .append(sdp);
            return m.toString();
        }

        /** The INVITE's final answer: sent again at T1, 2·T1, … until a provisional answer comes; null at the limit. */
        private String awaitFinal(String invite, String branch) throws IOException {
            long deadline = System.nanoTime() + RING_LIMIT.toNanos();
            long interval = 500;
            boolean provisional = false;
            send(invite);
            long nextResend = System.currentTimeMillis() + interval;
            while (System.nanoTime() < deadline) {
                String message = receive(sip, 100);
                if (message == null) {
                    if (!provisional && System.currentTimeMillis() >= nextResend) {
                        send(invite);
                        interval = Math.min(interval * 2, 4000);
                        nextResend = System.currentTimeMillis() + interval;
                    }
                    continue;
                }
                if (!message.startsWith("SIP/2.0 ") || !message.contains(branch) || !cseqOf(message).endsWith("INVITE")) {
                    answerRequest(message);
                    continue;
                }
                Matcher status = STATUS.matcher(message);
                if (status.find() && Integer.parseInt(status.group(1)) >= 200) {
                    return message;
                }
                provisional = true;
            }
            // Nobody answered: the call is given up (RFC 3261 §9.1) and its 487 acknowledged; the reason says why.
            send(request("CANCEL", 1, branch, ""));
            long acked = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < acked) {
                String message = receive(sip, 200);
                if (message != null && message.startsWith("SIP/2.0 4") && cseqOf(message).endsWith("INVITE")) {
                    toTag = tagOf(message);
                    send(request("ACK", 1, branch, ""));
                    break;
                }
            }
            return null;
        }

        /** Sends 20 ms of PCMA silence every 20 ms for the hold time; counts the RTP that comes back. */
        private int exchangeRtp(InetSocketAddress media) throws IOException {
            byte[] packet = new byte[12 + 160];
            java.util.Arrays.fill(packet, 12, packet.length, (byte) 0xD5);
            packet[0] = (byte) 0x80;
            packet[1] = 8;
            int ssrc = (int) System.nanoTime();
            int back = 0;
            byte[] buffer = new byte[2048];
            long end = System.nanoTime() + hold.toNanos();
            for (int seq = 0; System.nanoTime() < end; seq++) {
                packet[2] = (byte) (seq >> 8);
                packet[3] = (byte) seq;
                int timestamp = seq * 160;
                for (int i = 0; i < 4; i++) {
                    packet[4 + i] = (byte) (timestamp >> (24 - 8 * i));
                    packet[8 + i] = (byte) (ssrc >> (24 - 8 * i));
                }
                rtp.send(new DatagramPacket(packet, packet.length, media));
                long tickEnd = System.nanoTime() + 20_000_000L;
                while (System.nanoTime() < tickEnd) {
                    rtp.setSoTimeout((int) Math.max(1, (tickEnd - System.nanoTime()) / 1_000_000));
                    try {
                        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                        rtp.receive(in);
                        if (in.getLength() >= 12 && (buffer[0] & 0xC0) == 0x80) {
                            back++;
                        }
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                }
                String message = receive(sip, 1);
                if (message != null) {
                    answerRequest(message);
                }
            }
            return back;
        }

        private void awaitAnswer(String method) throws IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < deadline) {
                String message = receive(sip, 200);
                if (message != null && message.startsWith("SIP/2.0 ") && cseqOf(message).endsWith(method)) {
                    return;
                }
                if (message != null) {
                    answerRequest(message);
                }
            }
        }

        /** A request from the gateway in the dialog (a BYE, a re-INVITE) gets 200; a 2xx sent again gets its ACK. */
        private void answerRequest(String message) throws IOException {
            if (message.startsWith("SIP/2.0 2") && cseqOf(message).endsWith("INVITE")) {
                send(request("ACK", 1, branch(), ""));
                return;
            }
            if (message.startsWith("SIP/2.0") || message.startsWith("ACK ")) {
                return;
            }
            StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
            for (String line : message.split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("to:")
                        || lower.startsWith("call-id:") || lower.startsWith("cseq:")) {
                    ok.append(line).append("\r\n");
                }
                if (line.isEmpty()) {
                    break;
                }
            }
            send(ok.append("Content-Length: 0\r\n\r\n").toString());
        }

        private void send(String message) throws IOException {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            sip.send(new DatagramPacket(bytes, bytes.length, gateway));
        }

        private String branch() {
            return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
        }
    }

    private static String receive(DatagramSocket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
            return new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    static String cseqOf(String message) {
        Matcher m = Pattern.compile("(?mi)^CSeq:\\s*(.+)$").matcher(message);
        return m.find() ? m.group(1).strip() : "";
    }

    static String tagOf(String message) {
        Matcher m = Pattern.compile("(?mi)^(?:To|t):.*;tag=([^;\\s>]+)").matcher(message);
        return m.find() ? m.group(1) : null;
    }

    /** Where the answer's audio goes: its SDP's connection address and audio port. */
    static InetSocketAddress mediaOf(String message) {
        Matcher c = Pattern.compile("(?m)^c=IN IP4 (\\S+)").matcher(message);
        Matcher m = Pattern.compile("(?m)^m=audio (\\d+) ").matcher(message);
        if (!c.find() || !m.find() || m.group(1).equals("0")) {
            return null;
        }
        return new InetSocketAddress(c.group(1), Integer.parseInt(m.group(1)));
    }
}
