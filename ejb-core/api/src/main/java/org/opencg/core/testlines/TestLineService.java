package org.opencg.core.testlines;

import java.util.List;

/**
 * The deployment's test lines (acg-behaviour.md §10: ARM's {@code communicationsGateways/testLines}): numbers the
 * operator keeps for testing, by hand ({@code Manual}) or by the certification programmes' synthetic calls
 * ({@code Automated}). A test line's number is never a customer's number, both ways round.
 */
public interface TestLineService {

    String JNDI = "java:global/opencg/ejb-core/TestLineServiceBean!org.opencg.core.testlines.TestLineService";

    /** All test lines, by name. */
    List<TestLineView> list();

    /** One test line; NOT_FOUND when there is none of that name. */
    TestLineView get(String name);

    /** Creates or replaces a test line, audited; {@code created} says which. */
    Saved createOrReplace(String name, String phoneNumber, String purpose);

    /** Removes a test line, audited; NOT_FOUND when there is none of that name. */
    void delete(String name);

    /** What a save did. */
    record Saved(TestLineView line, boolean created) {
    }
}
