package cn.sedx.gateway.messagestore;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.PersonalDataMask;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relational store of messages, payloads and state histories. Every write commits before it returns,
 * so what a caller has been told is stored survives a crash. Depends on no feature.
 */
@Repository
public class MessageStore {

    private static final String COLUMNS = "id, type, state, submitting_system, channel, unit_uscc, region_code,"
            + " idempotency_key, body_sha256, payload_size, warnings, previous_message_id, received_at, updated_at";

    // time-ordered (version 7): the rows of messages received together share the index pages a commit rewrites
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    /**
     * How long a commit of new messages waits at most for submissions already on their way to it (being parsed and
     * validated): a few milliseconds of latency for a commit shared by the submissions that arrive together.
     */
    static final Duration GROUP_COMMIT_LINGER = Duration.ofMillis(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RowClaims claims;
    private final GroupCommit group;
    private final PayloadCipher cipher;

    /** @param cipher seals every payload stored and opens every payload read (encryption at rest) */
    public MessageStore(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, RowClaims claims,
            PlatformTransactionManager transactions, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.claims = claims;
        this.cipher = cipher;
        this.group = new GroupCommit(new TransactionTemplate(transactions), 64, GROUP_COMMIT_LINGER);
    }

    /**
     * Says that the calling thread will probably store a new message soon ({@link #insertReceived}): a commit of
     * other callers' messages that starts meanwhile waits for it a little ({@link #GROUP_COMMIT_LINGER} at most), so
     * that concurrent submissions share one commit. Close the handle once the submission is stored or refused. Inside
     * a caller's transaction, which the insert joins, it does nothing.
     */
    public Expected expectInsert() {
        return TransactionSynchronizationManager.isActualTransactionActive() ? Expected.NOTHING : group.expect();
    }

    /** A thread's word that it will store a message soon ({@link #expectInsert}); closing it again does nothing. */
    public interface Expected extends AutoCloseable {
        /** A handle that promises nothing. */
        Expected NOTHING = () -> { };

        @Override
        void close();
    }

    /** A new message id: a version 7 UUID (time-ordered, random in its last 74 bits). */
    public static String newId() {
        return IDS.generate().toString();
    }

    /**
     * Stores a new message in state RECEIVED with a freshly minted id and the first history entry. When it
     * returns, the message is committed; writes of concurrent callers are committed together (see
     * {@link GroupCommit}). Inside a caller's transaction it joins that transaction instead.
     *
     * @throws DuplicateSubmissionException when the submitter's idempotency key is already taken
     */
    public StoredMessage insertReceived(NewMessage message) {
        return insertReceived(message, newId());
    }

    /**
     * As {@link #insertReceived(NewMessage)}, under an id the caller minted (a message the gateway builds itself,
     * whose content names its own id).
     */
    public StoredMessage insertReceived(NewMessage message, String id) {
        return insertReceived(message, id, null);
    }

    private StoredMessage insertReceived(NewMessage message, String id, String unitKind) {
        try {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return insert(message, id, unitKind);
            }
            return group.commit(() -> insert(message, id, unitKind));
        } catch (DuplicateKeyException e) {
            StoredMessage existing = findByIdempotencyKey(message.submittingSystem(), message.idempotencyKey())
                    .orElseThrow(() -> e);
            throw new DuplicateSubmissionException(existing);
        }
    }

    private StoredMessage insert(NewMessage message, String id, String unitKind) {
        // the store keeps microseconds: the answer must show the time a later read shows
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("INSERT INTO message (id, type, state, submitting_system, channel, unit_uscc, region_code,"
                        + " idempotency_key, body_sha256, payload_size, warnings, previous_message_id, received_at,"
                        + " updated_at, unit_kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(id, message.type().name(), MessageState.RECEIVED.name(), message.submittingSystem(),
                        message.channel(), message.unitUscc(), message.regionCode(), message.idempotencyKey(),
                        message.bodySha256(), message.payload().length, message.warnings(),
                        message.previousMessageId(), Timestamp.from(now), Timestamp.from(now), unitKind)
                .update();
        jdbc.sql("INSERT INTO message_payload (message_id, payload) VALUES (?,?)")
                .params(id, cipher.seal(id, message.payload()))
                .update();
        appendHistory(id, MessageState.RECEIVED, now, message.submittingSystem(), "accepted via " + message.channel());
        return new StoredMessage(id, message.type(), MessageState.RECEIVED, message.submittingSystem(),
                message.channel(), message.unitUscc(), message.regionCode(), message.idempotencyKey(),
                message.bodySha256(), message.payload().length, message.warnings(), message.previousMessageId(), now,
                now);
    }

    public Optional<StoredMessage> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE id = ?").param(id).query(MessageStore::map).optional();
    }

    public Optional<StoredMessage> findByIdempotencyKey(String submittingSystem, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE submitting_system = ? AND idempotency_key = ?")
                .params(submittingSystem, idempotencyKey)
                .query(MessageStore::map)
                .optional();
    }

    /** The exact bytes that were accepted. */
    public Optional<byte[]> payload(String id) {
        return jdbc.sql("SELECT payload FROM message_payload WHERE message_id = ?").param(id)
                .query((rs, n) -> cipher.open(id, rs.getBytes(1))).optional();
    }

    /**
     * The payload of the newest message of {@code type} for a unit that has not been dead-lettered, or empty.
     */
    public Optional<byte[]> latestPayload(MessageType type, String unitUscc) {
        return jdbc.sql("SELECT m.id, p.payload FROM message m JOIN message_payload p ON p.message_id = m.id"
                        + " WHERE m.type = ? AND m.unit_uscc = ? AND m.state <> 'FAILED'"
                        + " ORDER BY m.received_at DESC, m.id DESC FETCH FIRST 1 ROWS ONLY")
                .params(type.name(), unitUscc)
                .query((rs, n) -> cipher.open(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /**
     * As {@link #insertReceived(NewMessage)}, recording with it the kind of the unit the message is about (a unit is
     * a credit code and a unit kind).
     *
     * @param unitKind the unit kind's name ({@code PRODUCTION}, {@code USE}, {@code FILLING}), or null when unknown
     * @throws DuplicateSubmissionException when the submitter's idempotency key is already taken
     */
    public StoredMessage insertReceivedOfKind(NewMessage message, String unitKind) {
        return insertReceived(message, newId(), unitKind);
    }

    /** The unit kind recorded with a message, or empty when none was (or there is no such message). */
    public Optional<String> unitKind(String id) {
        return jdbc.sql("SELECT unit_kind FROM message WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(kind -> kind);
    }

    /** The unit kinds a credit code has messages of {@code type} of that were not dead-lettered, in name order. */
    public Set<String> unitKinds(MessageType type, String unitUscc) {
        return new TreeSet<>(jdbc.sql("SELECT DISTINCT unit_kind FROM message WHERE unit_uscc = ? AND type = ?"
                        + " AND unit_kind IS NOT NULL AND state <> 'FAILED'")
                .params(unitUscc, type.name())
                .query(String.class)
                .list());
    }

    /**
     * The payload of the newest message of {@code type} for the unit (credit code and kind) that has not been
     * dead-lettered, or empty.
     */
    public Optional<byte[]> latestPayload(MessageType type, String unitUscc, String unitKind) {
        return jdbc.sql("SELECT m.id, p.payload FROM message m JOIN message_payload p ON p.message_id = m.id"
                        + " WHERE m.unit_uscc = ? AND m.type = ? AND m.unit_kind = ? AND m.state <> 'FAILED'"
                        + " ORDER BY m.received_at DESC, m.id DESC FETCH FIRST 1 ROWS ONLY")
                .params(unitUscc, type.name(), unitKind)
                .query((rs, n) -> cipher.open(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /** The state history, oldest first. */
    public List<StateChange> history(String id) {
        return jdbc.sql("SELECT state, at, actor, detail FROM message_state WHERE message_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new StateChange(MessageState.valueOf(rs.getString(1)), instant(rs, 2),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Claims up to {@code limit} messages in state RECEIVED, oldest first, locking their rows until the caller's
     * transaction ends (see {@link RowClaims}). The caller moves each out of RECEIVED with a guarded
     * {@link #transition} before it commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StoredMessage> claimReceived(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE state = 'RECEIVED' ORDER BY updated_at, id"
                        + " FETCH FIRST ? ROWS ONLY" + claims.clause())
                .param(limit)
                .query(MessageStore::map)
                .list();
    }

    /**
     * Locks the rows of {@code ids}, in id order (so that two writers of overlapping sets cannot deadlock), until
     * the caller's transaction ends; waits for a writer that holds one of them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
        String marks = String.join(",", Collections.nCopies(sorted.size(), "?"));
        jdbc.sql("SELECT id FROM message WHERE id IN (" + marks + ") ORDER BY id FOR UPDATE")
                .params(sorted)
                .query(String.class)
                .list();
    }

    /**
     * Moves a message to {@code to} and records who did it and why, in one transaction.
     *
     * @param from the state the message must be in, or null for any; guards against racing writers
     * @return false when the message was not in {@code from} (nothing changed)
     */
    @Transactional
    public boolean transition(String id, MessageState from, MessageState to, String actor, String detail) {
        return transition(id, from, to, actor, detail, clock.instant());
    }

    /** As {@link #transition(String, MessageState, MessageState, String, String)}, entered at {@code now}. */
    @Transactional
    public boolean transition(String id, MessageState from, MessageState to, String actor, String detail,
            Instant now) {
        if (!moveRow(id, from, to, now)) {
            return false;
        }
        appendHistory(id, to, now, actor, detail);
        return true;
    }

    /** Sets the message row's state (when it is in {@code from}, or in any state for null); whether it changed. */
    private boolean moveRow(String id, MessageState from, MessageState to, Instant now) {
        return (from == null
                ? jdbc.sql("UPDATE message SET state = ?, updated_at = ? WHERE id = ?")
                        .params(to.name(), Timestamp.from(now), id).update()
                : jdbc.sql("UPDATE message SET state = ?, updated_at = ? WHERE id = ? AND state = ?")
                        .params(to.name(), Timestamp.from(now), id, from.name()).update()) > 0;
    }

    /**
     * Moves a message from {@code from} through {@code via} (entered at {@code viaAt}, with its own detail) to
     * {@code to} (entered now) with one update of the message: both states go into its history and the audit trail,
     * in that order, as two {@link #transition}s would record them.
     *
     * @return false, changing nothing, when the message is no longer in {@code from}
     */
    @Transactional
    public boolean transitionVia(String id, MessageState from, MessageState via, Instant viaAt, String viaDetail,
            MessageState to, String actor, String detail) {
        Instant now = clock.instant();
        if (!moveRow(id, from, to, now)) {
            return false;
        }
        appendHistory(id, via, viaAt, actor, viaDetail);
        appendHistory(id, to, now, actor, detail);
        return true;
    }

    /**
     * Moves each of {@code ids} that is in {@code from} to {@code to}, all in one transaction (one commit for a
     * whole batch instead of one per message).
     *
     * @return how many messages changed state
     */
    @Transactional
    public int transitionAll(List<String> ids, MessageState from, MessageState to, String actor, String detail) {
        int changed = 0;
        for (String id : ids) {
            changed += transition(id, from, to, actor, detail) ? 1 : 0;
        }
        return changed;
    }

    /**
     * Ids of messages QUEUED without a single delivery, at most {@code limit}: the version before 0.2 queued a filing
     * on an intermediate routing queue first, so a filing it left there has no delivery yet.
     */
    public List<String> queuedWithoutDeliveries(int limit) {
        return jdbc.sql("SELECT id FROM message m WHERE state = 'QUEUED' AND NOT EXISTS (SELECT 1 FROM delivery d"
                        + " WHERE d.message_id = m.id) ORDER BY updated_at, id FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query(String.class)
                .list();
    }

    /** Ids of messages in {@code state}, oldest change first, at most {@code limit}. */
    public List<String> idsInState(MessageState state, int limit) {
        return jdbc.sql("SELECT id FROM message WHERE state = ? ORDER BY updated_at, id FETCH FIRST ? ROWS ONLY")
                .params(state.name(), limit)
                .query(String.class)
                .list();
    }

    /**
     * Ids of messages matching {@code query} (its paging ignored) and, when {@code destination} is not null,
     * having a delivery to that destination; oldest first, at most {@code limit}.
     */
    public List<String> ids(MessageQuery query, String destination, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(query, params);
        if (destination != null) {
            where.append(" AND id IN (SELECT message_id FROM delivery WHERE destination = ?)");
            params.add(destination);
        }
        params.add(limit);
        return jdbc.sql("SELECT id FROM message" + where + " ORDER BY received_at, id FETCH FIRST ? ROWS ONLY")
                .params(params)
                .query(String.class)
                .list();
    }

    /** Messages in one of {@code states} whose state has not changed since {@code before}, oldest first. */
    public List<StoredMessage> unchangedSince(List<MessageState> states, Instant before, int limit) {
        List<Object> params = new ArrayList<>(states.stream().map(MessageState::name).toList());
        params.add(Timestamp.from(before));
        params.add(limit);
        String marks = String.join(",", Collections.nCopies(states.size(), "?"));
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE state IN (" + marks + ") AND updated_at < ?"
                        + " ORDER BY updated_at, id FETCH FIRST ? ROWS ONLY")
                .params(params)
                .query(MessageStore::map)
                .list();
    }

    public MessagePage search(MessageQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(query, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM message" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((long) query.page() * query.size());
        pageParams.add(query.size());
        List<StoredMessage> items = jdbc.sql("SELECT " + COLUMNS + " FROM message" + where
                        + " ORDER BY received_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(pageParams)
                .query(MessageStore::map)
                .list();
        return new MessagePage(items, query.page(), query.size(), total);
    }

    /**
     * One page of the messages of {@code type} whose region code starts with {@code regionPrefix} (every region when
     * empty), newest first (issue 16: a regulator reads the agencies' reports of its jurisdiction).
     */
    public MessagePage searchInRegion(MessageType type, String regionPrefix, int page, int size) {
        String where = " WHERE type = ? AND region_code LIKE ?";
        List<Object> params = List.of(type.name(), (regionPrefix == null ? "" : regionPrefix) + "%");
        long total = jdbc.sql("SELECT COUNT(*) FROM message" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((long) page * size);
        pageParams.add(size);
        List<StoredMessage> items = jdbc.sql("SELECT " + COLUMNS + " FROM message" + where
                        + " ORDER BY received_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(pageParams)
                .query(MessageStore::map)
                .list();
        return new MessagePage(items, page, size, total);
    }

    /** How many messages of {@code type} each region code under {@code regionPrefix} has, in code order. */
    public Map<String, Long> countByRegion(MessageType type, String regionPrefix) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT region_code, COUNT(*) FROM message WHERE type = ? AND region_code LIKE ? GROUP BY region_code")
                .params(type.name(), (regionPrefix == null ? "" : regionPrefix) + "%")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static StringBuilder where(MessageQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        condition(where, params, "type", query.type() == null ? null : query.type().name());
        condition(where, params, "state", query.state() == null ? null : query.state().name());
        condition(where, params, "unit_uscc", query.unitUscc());
        condition(where, params, "submitting_system", query.submittingSystem());
        if (query.from() != null) {
            where.append(" AND received_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND received_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        return where;
    }

    private static void condition(StringBuilder where, List<Object> params, String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private void appendHistory(String id, MessageState state, Instant at, String actor, String detail) {
        jdbc.sql("INSERT INTO message_state (message_id, state, at, actor, detail) VALUES (?,?,?,?,?)")
                .params(id, state.name(), Timestamp.from(at), actor, truncate(PersonalDataMask.text(detail), 2000))
                .update();
        events.publishEvent(new StateChanged(id, state, at, actor, detail));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static StoredMessage map(ResultSet rs, int row) throws SQLException {
        return new StoredMessage(rs.getString("id"), MessageType.valueOf(rs.getString("type")),
                MessageState.valueOf(rs.getString("state")), rs.getString("submitting_system"),
                rs.getString("channel"), rs.getString("unit_uscc"), rs.getString("region_code"),
                rs.getString("idempotency_key"), rs.getString("body_sha256"), rs.getLong("payload_size"),
                rs.getString("warnings"), rs.getString("previous_message_id"), instant(rs, "received_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
