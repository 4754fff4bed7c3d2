package org.opencg.core.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import org.opencg.core.sync.OperatorConnectException;

/**
 * Publishes and reads the TXT records of Direct Routing customer subdomains on the operator's authoritative DNS
 * server: RFC 2136 dynamic updates signed with TSIG (RFC 8945) to publish, plain queries to the same server to
 * derive {@code subdomainStatus}. Statuses are cached for a few seconds, since every account read shows one.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SubdomainDns {

    private static final long CACHE_MS = 3000;

    private record Cached(String status, long at) {
    }

    private DnsSettings settings;
    private final Map<String, Cached> statuses = new ConcurrentHashMap<>();
    /** Until when the server is taken as away: a page of 200 accounts must not wait 200 timeouts. */
    private volatile long unansweredUntil;

    @PostConstruct
    void init() {
        settings = DnsSettings.from(ConfigProvider.getConfig());
    }

    public boolean configured() {
        return settings.configured();
    }

    private SimpleResolver resolver() throws IOException {
        SimpleResolver resolver = new SimpleResolver(settings.host());
        resolver.setPort(settings.port());
        resolver.setTimeout(settings.timeout());
        if (!settings.tsigName().isBlank()) {
            resolver.setTSIGKey(new TSIG(Name.fromString(settings.tsigAlgorithm() + "."),
                    Name.fromString(settings.tsigName() + "."), settings.tsigSecret()));
        }
        return resolver;
    }

    private Name name(String label, int region) throws TextParseException {
        return Name.fromString(SubdomainRecords.name(label, region, settings.baseDomain()) + ".");
    }

    /**
     * Makes the server serve exactly these tokens for the label (each name's TXT set replaced in one update), or
     * nothing when {@code tokens} is null. A server that does not answer is retryable; a refusal is not.
     */
    public void publish(String label, String[] tokens) throws OperatorConnectException {
        try {
            Update update = new Update(Name.fromString(settings.baseDomain() + "."));
            for (int region = 1; region <= 2; region++) {
                Name name = name(label, region);
                update.delete(name, Type.TXT);
                if (tokens != null) {
                    update.add(new TXTRecord(name, DClass.IN, settings.ttl(), tokens[region - 1]));
                }
            }
            Message answer = resolver().send(update);
            int rcode = answer.getRcode();
            if (rcode != Rcode.NOERROR) {
                throw new OperatorConnectException(rcode, "DnsUpdateRefused", "the DNS server refused the update of "
                        + label + ": " + Rcode.string(rcode), rcode == Rcode.SERVFAIL);
            }
            statuses.keySet().removeIf(k -> k.startsWith(label + "\n"));
        } catch (IOException e) {
            throw new OperatorConnectException(0, "DnsUnavailable", "no answer from the DNS server "
                    + settings.host() + ":" + settings.port() + " (" + e.getMessage() + ")", true);
        }
    }

    /** {@code subdomainStatus} of a label with its two tokens, from what the server serves now (cached briefly). */
    public String status(String label, String token1, String token2) {
        if (!configured() || label == null) {
            return SubdomainRecords.NOT_PROVISIONED;
        }
        String key = label + "\n" + token1 + "\n" + token2;
        Cached cached = statuses.get(key);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.at() < CACHE_MS) {
            return cached.status();
        }
        if (now < unansweredUntil) {
            return SubdomainRecords.NOT_PROVISIONED;
        }
        String status;
        try {
            status = SubdomainRecords.status(token1, token2, served(label, 1), served(label, 2));
        } catch (IOException e) {
            unansweredUntil = now + CACHE_MS;
            return SubdomainRecords.NOT_PROVISIONED; // unknown: not claimed as provisioned
        }
        statuses.put(key, new Cached(status, now));
        return status;
    }

    private List<String> served(String label, int region) throws IOException {
        Message query = Message.newQuery(Record.newRecord(name(label, region), Type.TXT, DClass.IN));
        Message answer = resolver().send(query);
        List<String> values = new ArrayList<>();
        for (Record record : answer.getSection(Section.ANSWER)) {
            if (record instanceof TXTRecord txt) {
                values.add(String.join("", txt.getStrings()));
            }
        }
        return values;
    }
}
