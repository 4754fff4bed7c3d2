package org.opencg.sip.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencoding, the body format of rtpengine's ng control protocol: byte strings {@code 4:spam}, integers
 * {@code i3e}, lists {@code l...e} and dictionaries {@code d...e} with keys in byte order.
 * Strings are read and written as UTF-8; numbers as {@code long}; dictionary entries without a value are left out.
 */
public final class Bencode {

    private Bencode() {
    }

    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
        } else if (value instanceof byte[] bytes) {
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
        } else if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
            out.writeBytes(("i" + n.longValue() + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof List<?> list) {
            out.write('l');
            list.forEach(item -> write(out, item));
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            out.write('d');
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (v != null) { // a key without a value is left out, as rtpengine reads a missing key
                    sorted.put((String) k, v);
                }
            });
            sorted.forEach((k, v) -> {
                write(out, k);
                write(out, v);
            });
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + (value == null ? "null" : value.getClass()));
        }
    }

    /** Decodes exactly one value filling the whole input. */
    public static Object decode(byte[] input) {
        return decode(input, 0, input.length);
    }

    public static Object decode(byte[] input, int offset, int length) {
        Reader reader = new Reader(input, offset, offset + length);
        Object value = reader.value();
        if (reader.pos != reader.end) {
            throw new IllegalArgumentException("trailing bytes after bencoded value at " + reader.pos);
        }
        return value;
    }

    private static final class Reader {
        private final byte[] in;
        private final int end;
        private int pos;

        Reader(byte[] in, int start, int end) {
            this.in = in;
            this.pos = start;
            this.end = end;
        }

        Object value() {
            byte b = peek();
            switch (b) {
                case 'i':
                    pos++;
                    return Long.parseLong(until('e'));
                case 'l': {
                    pos++;
                    List<Object> list = new ArrayList<>();
                    while (peek() != 'e') {
                        list.add(value());
                    }
                    pos++;
                    return list;
                }
                case 'd': {
                    pos++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    while (peek() != 'e') {
                        Object key = value();
                        if (!(key instanceof String k)) {
                            throw new IllegalArgumentException("dictionary key is not a string at " + pos);
                        }
                        map.put(k, value());
                    }
                    pos++;
                    return map;
                }
                default:
                    if (b < '0' || b > '9') {
                        throw new IllegalArgumentException("unexpected '" + (char) b + "' at " + pos);
                    }
                    int length = Integer.parseInt(until(':'));
                    if (length < 0 || pos + length > end) {
                        throw new IllegalArgumentException("string length " + length + " runs past the end");
                    }
                    String s = new String(in, pos, length, StandardCharsets.UTF_8);
                    pos += length;
                    return s;
            }
        }

        private byte peek() {
            if (pos >= end) {
                throw new IllegalArgumentException("bencoded value ends early");
            }
            return in[pos];
        }

        private String until(char terminator) {
            int start = pos;
            while (peek() != terminator) {
                pos++;
            }
            String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
            pos++;
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty number at " + start);
            }
            return text;
        }
    }
}
