package org.opencg.sip.container.message;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Header parameters ({@code ;name=value}), in their order, names compared without case (RFC 3261 §7.3.1).
 * A parameter without value is kept with the value "".
 */
final class Parameters implements Cloneable {

    private final Map<String, Map.Entry<String, String>> byLowerName = new LinkedHashMap<>();

    String get(String name) {
        Map.Entry<String, String> entry = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return entry == null ? null : entry.getValue();
    }

    void set(String name, String value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        byLowerName.put(name.toLowerCase(Locale.ROOT), new AbstractMap.SimpleEntry<>(name, value == null ? "" : value));
    }

    void remove(String name) {
        byLowerName.remove(name.toLowerCase(Locale.ROOT));
    }

    Iterator<String> names() {
        return byLowerName.values().stream().map(Map.Entry::getKey).toList().iterator();
    }

    Set<Map.Entry<String, String>> entries() {
        return byLowerName.values().stream().map(e -> Map.entry(e.getKey(), e.getValue()))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Reads {@code ;a=1;b;c="x;y"} from {@code text} starting at the first ';'. */
    static Parameters parse(String text) {
        Parameters parameters = new Parameters();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != ';') {
                throw new IllegalArgumentException("expected ';' at " + i + " in '" + text + "'");
            }
            int end = i + 1;
            boolean quoted = false;
            while (end < text.length() && (quoted || text.charAt(end) != ';')) {
                if (text.charAt(end) == '"') {
                    quoted = !quoted;
                }
                end++;
            }
            String pair = text.substring(i + 1, end).trim();
            int equals = pair.indexOf('=');
            if (equals < 0) {
                parameters.set(pair, "");
            } else {
                parameters.set(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
            i = end;
        }
        return parameters;
    }

    @Override
    public Parameters clone() {
        Parameters copy = new Parameters();
        byLowerName.values().forEach(e -> copy.set(e.getKey(), e.getValue()));
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters p && entries().equals(p.entries());
    }

    @Override
    public int hashCode() {
        return entries().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        byLowerName.values().forEach(e -> out.append(';').append(e.getKey())
                .append(e.getValue().isEmpty() ? "" : "=" + e.getValue()));
        return out.toString();
    }
}
