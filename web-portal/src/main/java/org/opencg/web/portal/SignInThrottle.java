package org.opencg.web.portal;

import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed sign-ins, counted per user name from one address and per address: after 5 failures for a name from an
 * address, or 20 from an address for any names, that address's sign-ins (for that name, or at all) are refused
 * without checking the password until 15 minutes pass without another failure. Each check costs 600,000 PBKDF2
 * rounds on the machine that carries the calls, so a guesser must not be able to make them at will; and a name is
 * never locked for everyone, or anyone could lock the administrator out. The tables are bounded.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
    static final int PER_NAME = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, Integer> failures = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(WINDOW).build();

    /** May a sign-in for this name from this address be checked now? */
    public boolean allows(String name, String address) {
        return count(nameKey(name, address)) < PER_NAME && count(addressKey(address)) < PER_ADDRESS;
    }

    /** Counts a failed sign-in; says so in the log when it locks. */
    public void failed(String name, String address) {
        int forName = failures.asMap().merge(nameKey(name, address), 1, Integer::sum);
        int forAddress = failures.asMap().merge(addressKey(address), 1, Integer::sum);
        if (forName == PER_NAME || forAddress == PER_ADDRESS) {
            LOG.warning(() -> "portal: sign-ins from " + address + (forAddress == PER_ADDRESS ? ""
                    : " for '" + name + "'") + " refused for " + WINDOW.toMinutes() + " minutes after failures");
        }
    }

    /** A good sign-in clears the name's failures from that address. */
    public void succeeded(String name, String address) {
        failures.invalidate(nameKey(name, address));
    }

    private int count(String key) {
        Integer count = failures.getIfPresent(key);
        return count == null ? 0 : count;
    }

    private static String nameKey(String name, String address) {
        return "name:" + (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) + "@" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
