package org.opencg.sip.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ringback tone the gateway plays (acg-behaviour.md §3.7: ringback to the transferee while a transfer target
 * rings), from a spec {@code <Hz>[+<Hz>]/<on ms>/<off ms>}: {@code 425/1000/4000} is Europe's (ITU-T E.180
 * Supplement 2), {@code 440+480/2000/4000} North America's. One cadence cycle as an 8 kHz G.711 µ-law WAV file,
 * small enough for rtpengine's {@code play media} blob in one ng datagram; rtpengine repeats it.
 */
public record RingbackTone(int[] frequencies, int onMs, int offMs) {

    public static final String DEFAULT = "425/1000/4000";
    private static final Pattern SPEC = Pattern.compile("(\\d{2,4}(?:\\+\\d{2,4})?)/(\\d{2,5})/(\\d{1,5})");
    private static final int RATE = 8000;
    /** A cycle of at most 7 s keeps the file (one byte a sample) within a UDP datagram with room to spare. */
    private static final int MAX_CYCLE_MS = 7000;
    /** Each frequency at a quarter of full scale: about -15 dBm0 for a pair, the level tones are usually sent at. */
    private static final double AMPLITUDE = 0.25 * 32767;

    public RingbackTone {
        frequencies = frequencies.clone();
    }

    /** @throws IllegalArgumentException for a spec not of the form above, or a cycle over 7 s */
    public static RingbackTone parse(String spec) {
        Matcher m = SPEC.matcher(spec.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not a tone <Hz>[+<Hz>]/<on ms>/<off ms>, e.g. "
                    + DEFAULT);
        }
        int[] hz = Arrays.stream(m.group(1).split("\\+")).mapToInt(Integer::parseInt).toArray();
        int on = Integer.parseInt(m.group(2));
        int off = Integer.parseInt(m.group(3));
        if (on + off > MAX_CYCLE_MS || Arrays.stream(hz).anyMatch(f -> f < 50 || f > 3400)) {
            throw new IllegalArgumentException("'" + spec + "': frequencies must be 50-3400 Hz and one cycle at most "
                    + MAX_CYCLE_MS + " ms");
        }
        return new RingbackTone(hz, on, off);
    }

    public int cycleMs() {
        return onMs + offMs;
    }

    /** One cycle (tone, then silence) as a mono 8 kHz µ-law WAV file (format tag 7). */
    public byte[] wav() {
        int toneSamples = onMs * RATE / 1000;
        int samples = cycleMs() * RATE / 1000;
        byte[] data = new byte[samples];
        for (int i = 0; i < samples; i++) {
            double x = 0;
            if (i < toneSamples) {
                for (int f : frequencies) {
                    x += AMPLITUDE * Math.sin(2 * Math.PI * f * i / RATE);
                }
            }
            data[i] = G711.ulaw((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(x))));
        }
        ByteBuffer header = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(38 + samples).put("WAVE".getBytes());
        header.put("fmt ".getBytes()).putInt(18).putShort((short) 7).putShort((short) 1).putInt(RATE).putInt(RATE)
                .putShort((short) 1).putShort((short) 8).putShort((short) 0);
        header.put("data".getBytes()).putInt(samples);
        ByteArrayOutputStream out = new ByteArrayOutputStream(46 + samples);
        out.writeBytes(header.array());
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RingbackTone t && Arrays.equals(frequencies, t.frequencies) && onMs == t.onMs
                && offMs == t.offMs;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(frequencies) * 31 + onMs * 17 + offMs;
    }

    @Override
    public String toString() {
        return Arrays.toString(frequencies) + " Hz " + onMs + "/" + offMs + " ms";
    }

    /** G.711 µ-law (ITU-T G.711 §2, the segment encoding with a bias of 0x84). */
    static final class G711 {

        private G711() {
        }

        static byte ulaw(short sample) {
            int sign = sample < 0 ? 0x80 : 0;
            int magnitude = Math.min(Math.abs((int) sample), 32635) + 0x84;
            int exponent = 7;
            for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
                exponent--;
            }
            int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
            return (byte) ~(sign | (exponent << 4) | mantissa);
        }
    }
}
