package org.opencg.core.calls;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.opencg.core.background.Background;

/**
 * Writes call records in batches, off the call path: the SIP side queues a record and returns; every 200 ms the
 * queue goes to the database in one JDBC batch (plain JDBC: at a thousand calls a second an entity per row with an
 * identity key would be written one statement at a time). A database outage keeps records queued, up to
 * {@link #LIMIT}, and they are written when it is back; a record the database refuses is set aside alone; a stop
 * writes what is queued.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
@Local(CallRecords.class)
@LocalBean
public class CallRecordWriter implements CallRecords {

    private static final Logger LOG = Logger.getLogger(CallRecordWriter.class.getName());
    /** Records held while the database is away; beyond it the oldest are dropped, and the log says how many. */
    static final int LIMIT = 200_000;
    private static final int BATCH = 1_000;
    /** On /metrics: records waiting for the database, and those it refused and the log holds. */
    private static final List<String> METERS = List.of("opencg_call_records_waiting", "opencg_call_records_set_aside");
    private static final Duration FLUSH_EVERY = Duration.ofMillis(200);
    private static final String INSERT = "INSERT INTO call_record (call_id, direction, service, tenant, account,"
            + " calling, called, peer, setup_time, answer_time, end_time, duration_ms, status, reason, ended_by,"
            + " media_packets, media_lost_pct, media_jitter_ms, media_mos)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * The CallDuration upload of a record just inserted, queued in the sync outbox in the same transaction: it is
     * sent when the Operator Connect API answers, never lost (acg-behaviour.md §5). Keyed by the record's id; the
     * casts type the parameters of a SELECT list for PostgreSQL.
     */
    private static final String DURATION_TASK = "INSERT INTO sync_task (resource_type, resource_key, tenant_id,"
            + " attempts, next_attempt_at, created_at) SELECT 'callDuration', CAST(MAX(id) AS VARCHAR(20)),"
            + " CAST(? AS VARCHAR(36)), 0, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP) FROM call_record WHERE call_id = ?";
    private static final String COLUMNS = "call_id, direction, service, tenant, account, calling, called, peer,"
            + " setup_time, answer_time, end_time, status, reason, ended_by, media_packets, media_lost_pct,"
            + " media_jitter_ms, media_mos";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MeterRegistry registry;

    private final ConcurrentLinkedQueue<CallRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger setAside = new AtomicInteger();
    /** Its own thread: records of calls that end while a stop drains them are written then, not at the end. */
    private Background flusher;

    @PostConstruct
    void start() {
        flusher = new Background("call records", threads, 1);
        flusher.every(FLUSH_EVERY, FLUSH_EVERY, this::flush);
        registry.gauge(METERS.get(0), Tags.empty(), this, CallRecordWriter::waiting);
        registry.gauge(METERS.get(1), Tags.empty(), this, CallRecordWriter::setAside);
    }

    @PreDestroy
    void stop() {
        flusher.close();
        flush();
        METERS.forEach(name -> registry.find(name).meters().forEach(registry::remove));
    }

    @Override
    public void record(CallRecord record) {
        queue.add(record);
        if (queued.incrementAndGet() > LIMIT && queue.poll() != null) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    /**
     * Writes what is queued. When the database is away the batch goes back to the head of the queue for the next
     * round; when it is there but refuses the batch, the batch is written record by record and a record it refuses
     * alone is set aside in the log, so that one bad record never holds back the others.
     */
    synchronized void flush() {
        int lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.severe(lost + " call records dropped: the database did not take them and " + LIMIT + " were waiting");
        }
        while (!queue.isEmpty()) {
            List<CallRecord> batch = new ArrayList<>(BATCH);
            for (CallRecord r; batch.size() < BATCH && (r = queue.poll()) != null;) {
                batch.add(r);
            }
            try {
                write(batch);
                queued.addAndGet(-batch.size());
            } catch (SQLException | RuntimeException e) {
                List<CallRecord> unwritten = outage(e) ? batch : writeOneByOne(batch);
                queued.addAndGet(-(batch.size() - unwritten.size()));
                if (unwritten.isEmpty()) {
                    continue;
                }
                List<CallRecord> back = new ArrayList<>(unwritten);
                back.addAll(queue);
                queue.clear();
                queue.addAll(back);
                LOG.log(Level.WARNING, queued.get() + " call records wait: the database did not take them", e);
                return;
            }
        }
    }

    /**
     * Is the database away, rather than refusing what it was given? Asked of the database itself: error codes differ
     * between H2, PostgreSQL and the connection pool, and a record must never be set aside during an outage.
     */
    private boolean outage(Exception e) {
        try (Connection connection = database.getConnection()) {
            return !connection.isValid(2);
        } catch (SQLException | RuntimeException unreachable) {
            return true;
        }
    }

    /**
     * Each record in a transaction of its own; one the database refuses is logged whole and dropped. Returns the
     * records not written because the database went away meanwhile, to be kept for the next round.
     */
    private List<CallRecord> writeOneByOne(List<CallRecord> batch) {
        for (int i = 0; i < batch.size(); i++) {
            try {
                write(List.of(batch.get(i)));
            } catch (SQLException | RuntimeException e) {
                if (outage(e)) {
                    return batch.subList(i, batch.size());
                }
                setAside.incrementAndGet();
                LOG.log(Level.SEVERE, "call record set aside, the database refused it: " + batch.get(i), e);
            }
        }
        return List.of();
    }

    /** Records the database refused one by one since the start (each is in the log). */
    public int setAside() {
        return setAside.get();
    }

    private static void queueDurations(Connection connection, List<CallRecord> batch) throws SQLException {
        try (PreparedStatement task = connection.prepareStatement(DURATION_TASK)) {
            Timestamp now = Timestamp.from(java.time.Instant.now());
            int queued = 0;
            for (CallRecord r : batch) {
                if (r.reportsDuration()) {
                    task.setString(1, r.tenant());
                    task.setTimestamp(2, now);
                    task.setTimestamp(3, now);
                    task.setString(4, r.callId());
                    task.addBatch();
                    queued++;
                }
            }
            if (queued > 0) {
                task.executeBatch();
            }
        }
    }

    /** Records waiting to be written now. */
    public int waiting() {
        return queued.get();
    }

    private void write(List<CallRecord> batch) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (CallRecord r : batch) {
                    insert.setString(1, r.callId());
                    insert.setString(2, r.direction());
                    insert.setString(3, r.service());
                    insert.setString(4, r.tenant());
                    insert.setString(5, r.account());
                    insert.setString(6, r.calling());
                    insert.setString(7, r.called());
                    insert.setString(8, r.peer());
                    insert.setTimestamp(9, Timestamp.from(r.setup()));
                    insert.setTimestamp(10, r.answered() == null ? null : Timestamp.from(r.answered()));
                    insert.setTimestamp(11, Timestamp.from(r.ended()));
                    insert.setLong(12, r.duration().toMillis());
                    insert.setInt(13, r.status());
                    insert.setString(14, r.reason());
                    insert.setString(15, r.endedBy());
                    MediaQuality media = r.media();
                    insert.setObject(16, media == null ? null : media.packets(), Types.BIGINT);
                    insert.setObject(17, media == null ? null : media.lostPercent(), Types.DOUBLE);
                    insert.setObject(18, media == null ? null : media.jitterMs(), Types.DOUBLE);
                    insert.setObject(19, media == null ? null : media.mos(), Types.DOUBLE);
                    insert.addBatch();
                }
                insert.executeBatch();
                queueDurations(connection, batch);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    @Override
    public List<CallRecord> latest(int top, String number) {
        flush();
        String sql = "SELECT " + COLUMNS + " FROM call_record"
                + (number == null ? "" : " WHERE calling = ? OR called = ?") + " ORDER BY id DESC";
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(Math.max(1, Math.min(top, 1000)));
            if (number != null) {
                select.setString(1, number);
                select.setString(2, number);
            }
            List<CallRecord> records = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    records.add(new CallRecord(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                            row.getString(8), instant(row.getTimestamp(9)), instant(row.getTimestamp(10)),
                            instant(row.getTimestamp(11)), row.getInt(12), row.getString(13), row.getString(14),
                            media(row)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("call records cannot be read: " + e.getMessage(), e);
        }
    }

    private static MediaQuality media(ResultSet row) throws SQLException {
        long packets = row.getLong(15);
        if (row.wasNull()) {
            return null;
        }
        return new MediaQuality(packets, row.getObject(16, Double.class), row.getObject(17, Double.class),
                row.getObject(18, Double.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
