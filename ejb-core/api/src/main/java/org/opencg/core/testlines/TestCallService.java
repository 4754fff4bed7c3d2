package org.opencg.core.testlines;

import java.time.Instant;
import java.util.List;

/**
 * The synthetic test calls' records (acg-behaviour.md §10: the certification programmes want days of passing calls
 * before go-live), and the "run now" request the faces make and the SBC's runner takes.
 */
public interface TestCallService {

    String JNDI = "java:global/opencg/ejb-core/TestCallServiceBean!org.opencg.core.testlines.TestCallService";

    /** How long results are kept (ACG keeps call metadata 30 days). */
    int KEPT_DAYS = 30;

    /** Asks the runner for a round of test calls as soon as it can (the next tick, a few seconds). */
    void requestRun();

    /** Whether a round was asked for since the last call; true once per request. */
    boolean takeRunRequest();

    /** Keeps a result; results older than {@link #KEPT_DAYS} go. */
    void record(TestCallResult result);

    /** The newest results first. */
    List<TestCallResult> recent(int limit);

    /** Results since a time, newest first (the go-live view of the last days). */
    List<TestCallResult> since(Instant from);
}
