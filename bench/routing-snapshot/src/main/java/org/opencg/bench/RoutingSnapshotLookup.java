package org.opencg.bench;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import org.opencg.core.numbers.Service;
import org.opencg.core.routing.AccountRoute;
import org.opencg.core.routing.NumberRoute;
import org.opencg.core.routing.RoutingSnapshot;

/**
 * The call path's number look-up (issue 4 target: p99 under 5 µs at 1M numbers): random provisioned numbers, and
 * one in ten not provisioned, from one thread ({@code -t 2} for two SIP workers at once on this machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseG1GC", "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class RoutingSnapshotLookup {

    @Param("1000000")
    int numbers;

    private RoutingSnapshot snapshot;

    @Setup
    public void load() {
        snapshot = new RoutingSnapshot();
        for (int a = 0; a < 1000; a++) {
            snapshot.put(new AccountRoute("account-" + a, "00000000-0000-4000-8000-" + String.format("%012d", a),
                    "sub" + a, true, Set.of(Service.OPERATOR_CONNECT, Service.DIRECT_ROUTING)));
        }
        java.util.List<NumberRoute> all = new java.util.ArrayList<>(numbers);
        for (int i = 0; i < numbers; i++) {
            String number = "+4420" + (70_000_000 + i);
            all.add(new NumberRoute(number, "account-" + i % 1000, Set.of(Service.OPERATOR_CONNECT), "h" + i));
        }
        snapshot.putAll(all);
    }

    /**
     * The number arrives as a new String, as the SIP side makes it from a Request-URI: built here from a random
     * index, so the benchmark measures the table, not cache misses of a pre-built key array.
     */
    @Benchmark
    public void lookup(Blackhole sink) {
        int i = ThreadLocalRandom.current().nextInt(numbers + numbers / 10);
        String number = (i < numbers ? "+4420" : "+4430") + (70_000_000 + i);
        sink.consume(snapshot.lookup(number));
    }
}
