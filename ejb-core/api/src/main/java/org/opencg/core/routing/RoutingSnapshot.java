package org.opencg.core.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The number → account table calls are routed by, in memory (issue 4: never read from the database on the call
 * path). Built for the look-up: a number is parsed to a long (E.164 has no leading zero, so the value names it),
 * hashed to one of 1,024 segments, and found by linear probing in that segment's {@code long[]}: a couple of cache
 * misses instead of the half-dozen of a map of Strings, and a million numbers are two arrays per segment for the GC
 * rather than millions of objects. Segments are immutable and replaced whole on a change (copy on write), so readers
 * never lock and see a number either before or after a change, never half of one. Writers are the provisioning
 * services after their transaction has committed; a batch copies each segment it touches once.
 */
public final class RoutingSnapshot {

    private static final int SEGMENT_BITS = 10;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;

    private final AtomicReferenceArray<Segment> segments = new AtomicReferenceArray<>(SEGMENTS);
    private final Object[] locks = new Object[SEGMENTS];
    private final ConcurrentHashMap<String, AccountRoute> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AccountRoute> subdomains = new ConcurrentHashMap<>();

    public RoutingSnapshot() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments.set(i, Segment.EMPTY);
            locks[i] = new Object();
        }
    }

    /** The route of an E.164 number (with '+'), or null when it is not provisioned or not a number. */
    public Route lookup(String telephoneNumber) {
        long key = key(telephoneNumber);
        if (key == 0) {
            return null;
        }
        int hash = hash(key);
        NumberRoute number = segments.get(hash >>> (32 - SEGMENT_BITS)).get(key, hash);
        if (number == null) {
            return null;
        }
        AccountRoute account = accounts.get(number.accountName());
        return account == null ? null : new Route(number, account);
    }

    /** The account whose Direct Routing subdomain label this is (Teams targets {@code <label>.1r<n>.<base>}), or null. */
    public AccountRoute accountBySubdomain(String label) {
        return subdomains.get(label);
    }

    public void put(AccountRoute account) {
        unindex(accounts.put(account.name(), account));
        if (account.directRoutingSubdomain() != null) {
            subdomains.put(account.directRoutingSubdomain(), account);
        }
    }

    public void removeAccount(String name) {
        unindex(accounts.remove(name));
    }

    private void unindex(AccountRoute previous) {
        if (previous != null && previous.directRoutingSubdomain() != null) {
            subdomains.remove(previous.directRoutingSubdomain(), previous);
        }
    }

    public void put(NumberRoute number) {
        putAll(List.of(number));
    }

    /** Puts many numbers, copying each touched segment once. Numbers that are not E.164 are ignored. */
    public void putAll(Collection<NumberRoute> routes) {
        change(routes, NumberRoute::telephoneNumber, (segment, group) -> segment.with(group));
    }

    public void removeNumber(String telephoneNumber) {
        removeAll(List.of(telephoneNumber));
    }

    public void removeAll(Collection<String> telephoneNumbers) {
        change(telephoneNumbers, n -> n, (segment, group) -> segment.without(group));
    }

    private <T> void change(Collection<T> items, java.util.function.Function<T, String> number,
            java.util.function.BiFunction<Segment, List<T>, Segment> apply) {
        Map<Integer, List<T>> bySegment = new HashMap<>();
        for (T item : items) {
            long key = key(number.apply(item));
            if (key != 0) {
                bySegment.computeIfAbsent(hash(key) >>> (32 - SEGMENT_BITS), s -> new ArrayList<>()).add(item);
            }
        }
        bySegment.forEach((index, group) -> {
            synchronized (locks[index]) {
                segments.set(index, apply.apply(segments.get(index), group));
            }
        });
    }

    public int size() {
        int size = 0;
        for (int i = 0; i < SEGMENTS; i++) {
            size += segments.get(i).size;
        }
        return size;
    }

    /** For tests and status pages: a copy, never the live table. */
    public Map<String, NumberRoute> numbers() {
        Map<String, NumberRoute> copy = new HashMap<>();
        for (int i = 0; i < SEGMENTS; i++) {
            for (NumberRoute route : segments.get(i).routes) {
                if (route != null) {
                    copy.put(route.telephoneNumber(), route);
                }
            }
        }
        return copy;
    }

    /** {@code +} and 2 to 15 digits as a long; 0 for anything else (0 is no E.164 number, so it marks "empty"). */
    static long key(String number) {
        int length = number == null ? 0 : number.length();
        if (length < 3 || length > 16 || number.charAt(0) != '+' || number.charAt(1) == '0') {
            return 0;
        }
        long value = 0;
        for (int i = 1; i < length; i++) {
            int digit = number.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return 0;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Fibonacci hashing: the top bits pick the segment, the low bits the slot. */
    static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** An immutable open-addressing table, at most half full, linear probing. */
    private static final class Segment {

        static final Segment EMPTY = new Segment(new long[8], new NumberRoute[8], 0);

        final long[] keys;
        final NumberRoute[] routes;
        final int size;

        Segment(long[] keys, NumberRoute[] routes, int size) {
            this.keys = keys;
            this.routes = routes;
            this.size = size;
        }

        NumberRoute get(long key, int hash) {
            int mask = keys.length - 1;
            for (int slot = hash & mask; ; slot = slot + 1 & mask) {
                long found = keys[slot];
                if (found == key) {
                    return routes[slot];
                }
                if (found == 0) {
                    return null;
                }
            }
        }

        Segment with(List<NumberRoute> added) {
            int capacity = keys.length;
            while ((size + added.size()) * 2 > capacity) {
                capacity *= 2;
            }
            Segment copy = capacity == keys.length ? new Segment(keys.clone(), routes.clone(), size)
                    : rehash(capacity, null);
            int count = copy.size;
            for (NumberRoute route : added) {
                if (copy.insert(key(route.telephoneNumber()), route)) {
                    count++;
                }
            }
            return new Segment(copy.keys, copy.routes, count);
        }

        Segment without(List<String> removed) {
            java.util.Set<Long> gone = new java.util.HashSet<>();
            removed.forEach(n -> gone.add(key(n)));
            return rehash(keys.length, gone);
        }

        /** A fresh table of this capacity with every entry but the {@code skipped} keys. */
        private Segment rehash(int capacity, java.util.Set<Long> skipped) {
            Segment fresh = new Segment(new long[capacity], new NumberRoute[capacity], 0);
            int count = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != 0 && (skipped == null || !skipped.contains(keys[i]))) {
                    fresh.insert(keys[i], routes[i]);
                    count++;
                }
            }
            return new Segment(fresh.keys, fresh.routes, count);
        }

        /** Into this (private, not yet published) table; true when the key was new. */
        private boolean insert(long key, NumberRoute route) {
            int mask = keys.length - 1;
            for (int slot = hash(key) & mask; ; slot = slot + 1 & mask) {
                if (keys[slot] == key) {
                    routes[slot] = route;
                    return false;
                }
                if (keys[slot] == 0) {
                    keys[slot] = key;
                    routes[slot] = route;
                    return true;
                }
            }
        }
    }
}
