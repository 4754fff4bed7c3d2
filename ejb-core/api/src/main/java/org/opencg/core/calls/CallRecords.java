package org.opencg.core.calls;

import java.util.List;

/**
 * The call records. The SIP side hands each ended call over without waiting: records are written in batches off
 * the call path (the SIP hot path never waits on the database, ARCHITECTURE.md).
 */
public interface CallRecords {

    String JNDI = "java:global/opencg/ejb-core/CallRecordWriter!org.opencg.core.calls.CallRecords";

    /** Queues a record for writing; returns at once. */
    void record(CallRecord record);

    /** The latest records, newest first, optionally only those with {@code number} as calling or called number. */
    List<CallRecord> latest(int top, String number);
}
