-- The operator console (docs/console.md): the exact request last sent to each destination of a message and the
-- destination's answer (its signed receipt), and the indexes the console's searches and figures use.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE sent_request (
    message_id      VARCHAR(36)   NOT NULL REFERENCES message (id),
    destination     VARCHAR(64)   NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    request_headers VARCHAR(16000) NOT NULL,
    -- null when the body is the message's stored payload itself (a chunk of the national upload)
    request_body    BYTEA,
    answer_status   INT,
    answer_headers  VARCHAR(16000),
    answer_body     BYTEA,
    error           VARCHAR(2000),
    PRIMARY KEY (message_id, destination)
);

-- messages by state or by submitting system, newest first (the messages page)
CREATE INDEX ix_message_state_received ON message (state, received_at, id);
CREATE INDEX ix_message_system_received ON message (submitting_system, received_at, id);
-- deliveries and failures of the last hour per destination (the overview)
CREATE INDEX ix_delivery_attempt_started ON delivery_attempt (started_at);
-- the replays a message was part of (the message page)
CREATE INDEX ix_replay_item_message ON replay_item (message_id);
-- audit entries by actor, by action and by time (the audit page)
CREATE INDEX ix_audit_actor ON audit_entry (actor, id);
CREATE INDEX ix_audit_action ON audit_entry (action, id);
CREATE INDEX ix_audit_recorded ON audit_entry (recorded_at);
