import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencg.sip.media.MediaSide;
import org.opencg.sip.media.NgCommands;
import org.opencg.sip.media.RtpengineClient;

/**
 * Media benchmark (issue 6): concurrent G.711 calls through rtpengine, plain RTP on the operator side and SRTP
 * (SDES AES_CM_128_HMAC_SHA1_80) on the Microsoft side, set up with the gateway's own ng commands (NgCommands).
 * Each call's operator end sends 50 packets/s; its Microsoft end answers with the key rtpengine offered and sends
 * back every SRTP packet it gets, so each packet is encrypted and decrypted by rtpengine once and comes home.
 * Steps up the number of calls until more than 0.1 % of a step's packets are lost.
 * Prints per step "calls=<n> sent=<n> received=<n> loss_pct=<x>", and last the highest clean step.
 */
public class MediaLoad {

    private static final Pattern PORT = Pattern.compile("m=audio (\\d+) ");
    private static final Pattern KEY = Pattern.compile("a=crypto:(\\d+) AES_CM_128_HMAC_SHA1_80 inline:(\\S+)");
    private static final MediaSide MICROSOFT = new MediaSide(true, List.of("PCMA"), 0);
    private static final MediaSide OPERATOR = new MediaSide(false, List.of(), 0);

    /** One call: the operator's end (RTP) and the Microsoft end that reflects SRTP. */
    record Leg(DatagramChannel operator, DatagramChannel microsoft, InetSocketAddress toOperatorSide,
            InetSocketAddress toMicrosoftSide, int ssrc) {
    }

    public static void main(String[] args) throws Exception {
        String[] ng = System.getProperty("ng", "127.0.0.1:2223").split(":");
        int step = Integer.getInteger("step", 50);
        int max = Integer.getInteger("max", 2000);
        int seconds = Integer.getInteger("seconds", 10);
        RtpengineClient rtpengine = new RtpengineClient(new InetSocketAddress(ng[0], Integer.parseInt(ng[1])),
                Duration.ofSeconds(2));
        Selector selector = Selector.open();
        List<Leg> calls = new ArrayList<>();
        int best = 0;
        double bestLoss = 0;
        try {
            for (int target = step; target <= max; target += step) {
                while (calls.size() < target) {
                    calls.add(setUp(rtpengine, selector, calls.size()));
                }
                double[] result = run(calls, selector, seconds);
                double loss = result[0] == 0 ? 100 : 100.0 * (result[0] - result[1]) / result[0];
                double due = 50.0 * seconds * target;
                System.out.printf("calls=%d sent=%.0f of %.0f received=%.0f loss_pct=%.3f%n", target, result[0], due,
                        result[1], loss);
                if (loss > 0.1) {
                    break;
                }
                if (result[0] < 0.999 * due) {
                    // The load process could not send in time: the cores rtpengine shares with it are full, and a
                    // real call would have lost what it could not send.
                    System.out.printf("calls=%d: only %.1f %% of the packets could be sent in time%n", target,
                            100.0 * result[0] / due);
                    break;
                }
                best = target;
                bestLoss = loss;
            }
        } finally {
            for (int i = 0; i < calls.size(); i++) {
                try {
                    rtpengine.request(NgCommands.delete("bench-" + i));
                } catch (RuntimeException e) {
                    // rtpengine times out idle calls by itself
                }
            }
        }
        System.out.printf("calls=%d loss_pct=%.3f%n", best, bestLoss);
    }

    private static Leg setUp(RtpengineClient rtpengine, Selector selector, int n) throws IOException {
        DatagramChannel operator = bound(selector);
        DatagramChannel microsoft = bound(selector);
        String callId = "bench-" + n;
        String offer = sdp(port(operator), "RTP/AVP", "");
        String towardMicrosoft = (String) rtpengine.request(NgCommands.offer(callId, "op", offer, MICROSOFT)).get("sdp");
        Matcher key = KEY.matcher(towardMicrosoft);
        if (!key.find()) {
            throw new IllegalStateException("no SDES key in rtpengine's offer:\n" + towardMicrosoft);
        }
        // The Microsoft end answers with the key it was offered: the SRTP it sends back is then what rtpengine sent.
        String answer = sdp(port(microsoft), "RTP/SAVP",
                "a=crypto:" + key.group(1) + " AES_CM_128_HMAC_SHA1_80 inline:" + key.group(2) + "\r\n");
        String towardOperator = (String) rtpengine.request(NgCommands.answer(callId, "op", "ms", answer, OPERATOR))
                .get("sdp");
        Leg leg = new Leg(operator, microsoft, new InetSocketAddress("127.0.0.1", mediaPort(towardOperator)),
                new InetSocketAddress("127.0.0.1", mediaPort(towardMicrosoft)), 0x10000 + n);
        // The operator end's key carries nothing (it counts); the Microsoft end's carries where it reflects to.
        operator.register(selector, SelectionKey.OP_READ);
        microsoft.register(selector, SelectionKey.OP_READ, leg.toMicrosoftSide());
        return leg;
    }

    /** Runs every call for the step: returns {packets sent by operator ends, packets come home}. */
    private static double[] run(List<Leg> calls, Selector selector, int seconds) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        long sent = 0;
        long received = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long tick = 0;
        int sequence = (int) (start & 0x7fff);
        byte[] payload = new byte[160];
        java.util.Arrays.fill(payload, (byte) 0xd5);
        while (true) {
            long now = System.nanoTime();
            if (now >= start + tick * 20_000_000L && now < end) {
                sequence++;
                for (Leg call : calls) {
                    buffer.clear();
                    buffer.put((byte) 0x80).put((byte) 8).putShort((short) sequence).putInt(sequence * 160)
                            .putInt(call.ssrc()).put(payload).flip();
                    sent += call.operator().send(buffer, call.toOperatorSide()) > 0 ? 1 : 0;
                }
                tick++;
            }
            if (now > end + 500_000_000L) {
                break; // half a second for the last packets to come home
            }
            selector.select(2);
            for (SelectionKey key : selector.selectedKeys()) {
                DatagramChannel channel = (DatagramChannel) key.channel();
                buffer.clear();
                while (channel.receive(buffer) != null) {
                    if (key.attachment() instanceof InetSocketAddress back) {
                        buffer.flip();
                        channel.send(buffer, back);
                    } else {
                        received++;
                    }
                    buffer.clear();
                }
            }
            selector.selectedKeys().clear();
        }
        return new double[] {sent, received};
    }

    private static DatagramChannel bound(Selector selector) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        return channel;
    }

    private static int port(DatagramChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private static int mediaPort(String sdp) {
        Matcher m = PORT.matcher(sdp);
        if (!m.find()) {
            throw new IllegalStateException("no audio port in:\n" + sdp);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String sdp(int port, String profile, String crypto) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port + " " + profile
                + " 8\r\na=rtpmap:8 PCMA/8000\r\na=ptime:20\r\n" + crypto;
    }
}
