package org.opencg.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A real SIP phone (Debian {@code baresip-core}) on loopback: it sends a sine tone of its own frequency as its
 * microphone and keeps what it hears, decoded, in a WAV file (module sndfile), so a test can tell which tone
 * reached it. It answers calls by itself; a caller dials at start.
 */
final class Baresip implements AutoCloseable {

    private final Process process;
    private final Path dir;
    private final int keypad;

    private Baresip(Process process, Path dir, int keypad) {
        this.process = process;
        this.dir = dir;
        this.keypad = keypad;
    }

    /**
     * @param sipListen where it listens (UDP and TCP; TLS on the next port up)
     * @param account   its account line, e.g. {@code <sip:+4420@127.0.0.1>;regint=0;answermode=auto}
     * @param toneHz    the frequency it sends
     * @param seconds   how long it runs before it hangs up and quits
     * @param dial      the URI to call, or null to wait for a call
     * @param keypad    the UDP port of its console (module cons), where {@link #press} types a key; 0 for none
     */
    static Baresip start(String name, String sipListen, String account, int toneHz, int seconds, String dial,
            Path certificate, int keypad) throws IOException {
        return start(name, sipListen, account, "ausine," + toneHz, seconds, dial, certificate, keypad);
    }

    /** A phone whose microphone is a WAV file (48 kHz, two channels, as its audio source runs) instead of a tone. */
    static Baresip playing(String name, String sipListen, String account, Path wav, int seconds, String dial)
            throws IOException {
        return start(name, sipListen, account, "aufile," + wav, seconds, dial, null, 0);
    }

    private static Baresip start(String name, String sipListen, String account, String source, int seconds,
            String dial, Path certificate, int keypad) throws IOException {
        Path dir = Path.of("target", "baresip", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir.resolve("heard"));
        Files.writeString(dir.resolve("accounts"), account + "\n");
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen " + sipListen,
                "net_interface " + sipListen.substring(0, sipListen.lastIndexOf(':')),
                certificate == null ? "" : "sip_certificate " + certificate,
                certificate == null ? "" : "sip_cafile " + certificate.resolveSibling("ca.pem"),
                // No sound card: the tone is the microphone, ALSA's null device the loudspeaker.
                "audio_source " + source,
                "audio_player alsa,null",
                "audio_alert alsa,null",
                "ausrc_srate 48000", "ausrc_channels 2", "auplay_srate 48000", "auplay_channels 2",
                "module_path /usr/lib/baresip/modules",
                // Only the codecs the account names are loaded: baresip answers with what it has, whatever its
                // audio_codecs parameter says.
                account.contains("PCM") ? "module g711.so" : "", account.contains("G722") ? "module g722.so" : "",
                "module stdio.so", "module ausine.so", "module aufile.so", "module alsa.so",
                "module sndfile.so", "module srtp.so",
                "module_app account.so", "module_app menu.so",
                keypad == 0 ? "" : "module cons.so", keypad == 0 ? "" : "cons_listen 127.0.0.1:" + keypad,
                "snd_path " + dir.resolve("heard"), ""));
        // -s: its SIP messages in its log, so a test can see what reached it; -v: the RFC 4733 events it receives
        // ("received event: '5'").
        List<String> command = new ArrayList<>(List.of("baresip", "-s", "-v", "-f", dir.toString(), "-t",
                String.valueOf(seconds)));
        if (dial != null) {
            command.addAll(List.of("-e", "/dial " + dial));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile()).start();
        return new Baresip(process, dir, keypad);
    }

    /**
     * Presses a key on its keypad for 200 ms: in a call, baresip sends it as RFC 4733 events, the last with the end
     * bit when the key is released (baresip's KEYCODE_REL, 0x04).
     */
    void press(char key) throws IOException, InterruptedException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
            java.net.InetSocketAddress console = new java.net.InetSocketAddress("127.0.0.1", keypad);
            socket.send(new java.net.DatagramPacket(new byte[] {(byte) key}, 1, console));
            Thread.sleep(200);
            socket.send(new java.net.DatagramPacket(new byte[] {0x04}, 1, console));
        }
    }

    /** Types a command on its console, e.g. {@code /transfer sip:+44...@host} (REFER in the current call). */
    void command(String line) throws IOException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
            byte[] bytes = (line + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            socket.send(new java.net.DatagramPacket(bytes, bytes.length,
                    new java.net.InetSocketAddress("127.0.0.1", keypad)));
        }
    }

    /** Waits for it to quit (it hangs up first). */
    void await() throws InterruptedException {
        process.waitFor(60, TimeUnit.SECONDS);
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("baresip.log"));
    }

    /**
     * How much of what this phone heard was a tone of {@code hz}: the share of its power in that tone's bin, taken
     * over 100 ms windows and weighted by each window's power. Near 1 for a clean tone, near 0 without it or in
     * silence. Per window, not over the whole call: one bin over seconds is coherent, so a single phase jump (a
     * packet lost or a jitter buffer resizing under load) would cancel much of a tone that was there throughout.
     */
    double heard(int hz) throws IOException, UnsupportedAudioFileException {
        Heard heard = heard();
        int window = heard.frames(100);
        double tone = 0;
        double energy = 0;
        for (int w = 0; window > 0 && w < heard.frames() / window; w++) {
            double power = heard.energy(w * window, window);
            tone += power * goertzel(heard.bytes(), heard.channels(), w * window, window, hz / heard.rate());
            energy += power;
        }
        return energy == 0 ? 0 : tone / energy;
    }

    /**
     * {@link #heard(int)} in consecutive windows of {@code windowMs} of what this phone heard, from the start of its
     * call's audio: when the tone was there.
     */
    double[] heardOverTime(int hz, int windowMs) throws IOException, UnsupportedAudioFileException {
        Heard heard = heard();
        int window = heard.frames(windowMs);
        double[] strength = new double[window == 0 ? 0 : heard.frames() / window];
        for (int w = 0; w < strength.length; w++) {
            strength[w] = goertzel(heard.bytes(), heard.channels(), w * window, window, hz / heard.rate());
        }
        return strength;
    }

    /**
     * How loud what this phone heard was, in consecutive windows of {@code windowMs}: the RMS of its 16-bit samples
     * (0 digital silence, 32767 full scale). It keeps only audio decoded from packets it got, so the number of
     * windows says how long media came.
     */
    double[] levelOverTime(int windowMs) throws IOException, UnsupportedAudioFileException {
        Heard heard = heard();
        int window = heard.frames(windowMs);
        double[] level = new double[window == 0 ? 0 : heard.frames() / window];
        for (int w = 0; w < level.length; w++) {
            level[w] = Math.sqrt(heard.energy(w * window, window) / window);
        }
        return level;
    }

    /** The decoded audio the phone kept: 16-bit little-endian frames of {@code channels} samples. */
    private record Heard(float rate, int channels, byte[] bytes) {

        int frames() {
            return bytes.length / (2 * channels);
        }

        int frames(int windowMs) {
            return (int) Math.min(frames(), (long) windowMs * (long) rate / 1000);
        }

        /** The sum of the squares of the first channel's samples in {@code frames} frames from {@code first}. */
        double energy(int first, int frames) {
            double energy = 0;
            for (int i = first; i < first + frames; i++) {
                energy += sample(i) * sample(i);
            }
            return energy;
        }

        /** The first channel's sample of a frame. */
        double sample(int frame) {
            int offset = frame * 2 * channels;
            return (short) ((bytes[offset] & 0xff) | (bytes[offset + 1] << 8));
        }
    }

    private Heard heard() throws IOException, UnsupportedAudioFileException {
        Path wav;
        try (Stream<Path> files = Files.list(dir.resolve("heard"))) {
            wav = files.filter(p -> p.toString().endsWith("-dec.wav")).findFirst().orElse(null);
        }
        if (wav == null) {
            throw new AssertionError("nothing heard: " + dir + "\n" + log());
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return new Heard(in.getFormat().getSampleRate(), in.getFormat().getChannels(), in.readAllBytes());
        }
    }

    /** One Goertzel bin over {@code frames} 16-bit frames from {@code first}, relative to their whole power. */
    private static double goertzel(byte[] bytes, int channels, int first, int frames, double cyclesPerFrame) {
        double coefficient = 2 * Math.cos(2 * Math.PI * cyclesPerFrame);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = first; i < first + frames; i++) {
            int offset = i * 2 * channels;
            double x = (short) ((bytes[offset] & 0xff) | (bytes[offset + 1] << 8));
            energy += x * x;
            double s = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        // A pure tone of N samples puts N/2 times its energy into its bin.
        return energy == 0 ? 0 : power / (energy * frames / 2.0);
    }

    /** Dies without hanging up, as a phone whose network is gone: its media stops, and no BYE is sent. */
    void vanish() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
