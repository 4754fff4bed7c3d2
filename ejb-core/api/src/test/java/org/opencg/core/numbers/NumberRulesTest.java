package org.opencg.core.numbers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencg.core.accounts.AccountDetails;
import org.opencg.core.accounts.ProvisioningException;

/** Number, batch and filter rules as pure functions (acg-behaviour.md §1.4-§1.6). */
class NumberRulesTest {

    private static final AccountDetails ZOOM_ONLY = new AccountDetails(null, null, null, null, null,
            new AccountDetails.ServiceFlags(true, false), null);

    private static String target(Runnable rule) {
        return assertThrows(ProvisioningException.class, rule::run).target();
    }

    @Test
    void numbersAreE164WithPlusAndAtMost15Digits() {
        assertDoesNotThrow(() -> NumberRules.checkNumber("+15105550100", "t"));
        assertDoesNotThrow(() -> NumberRules.checkNumber("+123456789012345", "t"));
        for (String bad : new String[] {"15105550100", "+05105550100", "+1234567890123456", "+1 510", "+1", null}) {
            assertEquals("t", target(() -> NumberRules.checkNumber(bad, "t")), String.valueOf(bad));
        }
    }

    @Test
    void aServiceNeedsTheAccountToTakeIt() {
        NumberDetails zoom = new NumberDetails("a", null, null, null, true, null, null);
        NumberDetails dr = new NumberDetails("a", null, true, null, null, null, null);
        assertDoesNotThrow(() -> NumberRules.check(zoom, ZOOM_ONLY, ""));
        assertEquals("numbers[4].serviceDetails.teamsDirectRouting.enabled",
                target(() -> NumberRules.check(dr, ZOOM_ONLY, "numbers[4].")));
        NumberDetails badHeader = new NumberDetails("a", null, null, null, true, null, "has space");
        assertEquals("configuration.customSipHeader", target(() -> NumberRules.check(badHeader, ZOOM_ONLY, "")));
    }

    @Test
    void batchesHold1To100DistinctNumbers() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            numbers.add("+4420" + (7000000 + i));
        }
        assertEquals("numbers", target(() -> NumberRules.checkBatch(numbers)));
        assertDoesNotThrow(() -> NumberRules.checkBatch(numbers.subList(0, 100)));
        List<String> twice = new ArrayList<>(numbers.subList(0, 10));
        twice.set(9, twice.get(2));
        assertEquals("numbers[9].telephoneNumber", target(() -> NumberRules.checkBatch(twice)));
        assertEquals("numbers", target(() -> NumberRules.checkBatch(List.of())));
    }

    @Test
    void theFilterSubsetParsesAndRefusesTheRest() {
        NumberFilter filter = NumberFilter.parse("startswith(telephoneNumber,'+1510') and accountName eq 'contoso'"
                + " and serviceDetails/teamsPhoneMobile/enabled eq true and serviceProvisioningStatus eq 'failed'");
        assertEquals("+1510", filter.numberPrefix());
        assertEquals("contoso", filter.accountName());
        assertEquals(Set.of(Service.PHONE_MOBILE), filter.services());
        assertEquals("failed", filter.provisioningStatus());
        assertEquals(NumberFilter.ALL, NumberFilter.parse(" "));
        for (String bad : new String[] {"telephoneNumber ne '1'", "startswith(telephoneNumber,'1%')",
            "serviceDetails/unknown/enabled eq true", "serviceProvisioningStatus eq 'odd'", "accountName eq x"}) {
            assertEquals("filter", target(() -> NumberFilter.parse(bad)), bad);
        }
    }

    @Test
    void aReleasedNumberHasNoServiceLeftButKeepsItsTeamsConfigurationAndHeader() {
        TeamsNumberConfig config = new TeamsNumberConfig("CallingUserAssignment", List.of("InboundCalling"), null,
                null, null, "civic-1", null, true, null);
        NumberDetails number = new NumberDetails("a", new TeamsNumber(true, "assigned", config), true, null, true,
                true, "gold");
        NumberDetails released = number.released();
        assertEquals(Set.of(), released.services());
        assertEquals(config, released.operatorConnect().configuration(), "the Teams configuration stays");
        assertEquals("assigned", released.operatorConnect().assignmentStatus());
        assertEquals("gold", released.customSipHeader());
        assertEquals("a", released.accountName());
        assertDoesNotThrow(() -> NumberRules.check(released, ZOOM_ONLY, ""), "a released number is valid anywhere");
        assertEquals(false, SyncRules.needsSync(released, new AccountDetails(null, "t",
                new AccountDetails.ServiceFlags(true, true), null, null, null, null)), "Teams lets go of it");
    }
}
