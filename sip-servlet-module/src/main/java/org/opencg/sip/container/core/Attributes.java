package org.opencg.sip.container.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Named attributes of a message or session; setting null removes one (JSR 289 §5.2, §6.1.3, §6.2.3). */
final class Attributes {

    private final Map<String, Object> values = new ConcurrentHashMap<>();

    Object get(String name) {
        return values.get(name);
    }

    List<String> names() {
        return List.copyOf(values.keySet());
    }

    void set(String name, Object value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    void remove(String name) {
        values.remove(name);
    }
}
