package org.opencg.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencg.core.numbers.Service;

/** The routing snapshot's table: put, replace, remove, growth across segments, and what is not a number. */
class RoutingSnapshotTest {

    private static NumberRoute number(String e164, String account) {
        return new NumberRoute(e164, account, Set.of(Service.ZOOM), null);
    }

    private static RoutingSnapshot withAccounts() {
        RoutingSnapshot snapshot = new RoutingSnapshot();
        snapshot.put(new AccountRoute("a", "t-a", null, false, Set.of(Service.ZOOM)));
        snapshot.put(new AccountRoute("b", "t-b", "sub", true, Set.of(Service.ZOOM)));
        return snapshot;
    }

    @Test
    void numbersAreFoundReplacedAndRemoved() {
        RoutingSnapshot snapshot = withAccounts();
        snapshot.put(number("+15105550100", "a"));
        assertEquals("t-a", snapshot.lookup("+15105550100").account().teamsTenantId());
        assertNull(snapshot.lookup("+15105550101"));
        assertNull(snapshot.lookup("+1510555010"), "a prefix of a number is another number");
        snapshot.put(number("+15105550100", "b"));
        assertEquals("b", snapshot.lookup("+15105550100").account().name());
        assertEquals(1, snapshot.size());
        snapshot.removeNumber("+15105550100");
        assertNull(snapshot.lookup("+15105550100"));
        assertEquals(0, snapshot.size());
    }

    @Test
    void aHundredThousandNumbersAcrossEverySegment() {
        RoutingSnapshot snapshot = withAccounts();
        List<NumberRoute> all = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            all.add(number("+4420" + (70_000_000 + i), i % 2 == 0 ? "a" : "b"));
        }
        snapshot.putAll(all);
        assertEquals(100_000, snapshot.size());
        for (int i = 0; i < 100_000; i += 997) {
            assertEquals(i % 2 == 0 ? "a" : "b", snapshot.lookup("+4420" + (70_000_000 + i)).account().name());
        }
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < 100_000; i += 2) {
            removed.add("+4420" + (70_000_000 + i));
        }
        snapshot.removeAll(removed);
        assertEquals(50_000, snapshot.size());
        assertNull(snapshot.lookup("+442070000000"));
        assertEquals("b", snapshot.lookup("+442070000001").account().name());
        assertEquals(50_000, snapshot.numbers().size());
    }

    @Test
    void whatIsNotAnE164NumberIsNeverFound() {
        RoutingSnapshot snapshot = withAccounts();
        snapshot.put(number("+15105550100", "a"));
        for (String odd : new String[] {null, "", "+", "15105550100", "+015105550100", "+1510555010x",
            "+12345678901234567", "tel:+15105550100"}) {
            assertNull(snapshot.lookup(odd), String.valueOf(odd));
        }
        snapshot.removeAccount("a");
        assertNull(snapshot.lookup("+15105550100"), "a number of a removed account has no route");
    }

    @Test
    void accountsAreFoundByTheirDirectRoutingSubdomain() {
        RoutingSnapshot snapshot = withAccounts();
        assertEquals("b", snapshot.accountBySubdomain("sub").name());
        snapshot.put(new AccountRoute("b", "t-b", "renamed", true, Set.of(Service.DIRECT_ROUTING)));
        assertNull(snapshot.accountBySubdomain("sub"), "the old label no longer leads to the account");
        assertEquals("b", snapshot.accountBySubdomain("renamed").name());
        snapshot.removeAccount("b");
        assertNull(snapshot.accountBySubdomain("renamed"));
    }
}
