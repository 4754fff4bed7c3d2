package org.opencg.core.testlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencg.core.accounts.ProvisioningException;

class TestLineRulesTest {

    @Test
    void aRightTestLineHasNoProblem() {
        assertTrue(TestLineRules.problems("OC1", "+442079460100", "Automated").isEmpty());
        assertTrue(TestLineRules.problems("tpm-line-2", "+14255550100", "Manual").isEmpty());
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        List<String[]> problems = TestLineRules.problems("x", "", "automated");
        assertEquals(List.of("name", "properties.phoneNumber", "properties.purpose"),
                problems.stream().map(p -> p[0]).toList());
        assertEquals("the phone number is required", problems.get(1)[1]);
        assertEquals("the purpose is Manual or Automated, not 'automated'", problems.get(2)[1]);
        assertTrue(TestLineRules.problems("name-of-twenty-five-chars", "+442079460100", "Manual").get(0)[1]
                .contains("3 to 24"));
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> TestLineRules.check("OC1", "02079460100", null));
        assertEquals("InvalidTestLine", e.code());
        assertEquals("properties.phoneNumber", e.target());
        assertTrue(e.getMessage().contains("E.164") && e.getMessage().contains("Manual or Automated"), e.getMessage());
    }
}
