-- The scheduled national upload of personnel: runs, the chunks each run cut (each chunk is a PERSONNEL_BATCH
-- message in the store, delivered like any message), and the watermark: the last filing, in key order
-- (received_at, id), that an acknowledged run has uploaded. A chunk holds the filings after its after_* key
-- up to and including its last_* key.

CREATE TABLE upload_run (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind             VARCHAR(32)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    trigger_kind     VARCHAR(16)   NOT NULL,
    actor            VARCHAR(64)   NOT NULL,
    reason           VARCHAR(500),
    from_received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    from_id          VARCHAR(36)   NOT NULL,
    to_received_at   TIMESTAMP WITH TIME ZONE,
    to_id            VARCHAR(36),
    total_filings    BIGINT        NOT NULL,
    filings_done     BIGINT        NOT NULL,
    records          BIGINT        NOT NULL,
    produced_all     BOOLEAN       NOT NULL,
    attempts         INT           NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    error            VARCHAR(2000)
);

CREATE INDEX ix_upload_run_state ON upload_run (kind, state, started_at);

CREATE TABLE upload_chunk (
    run_id            VARCHAR(36)  NOT NULL REFERENCES upload_run (id),
    seq               INT          NOT NULL,
    message_id        VARCHAR(36)  NOT NULL REFERENCES message (id),
    after_received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    after_id          VARCHAR(36)  NOT NULL,
    last_received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_id           VARCHAR(36)  NOT NULL,
    filings           INT          NOT NULL,
    records           INT          NOT NULL,
    bytes             BIGINT       NOT NULL,
    attempts          INT          NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, seq),
    CONSTRAINT uq_upload_chunk_message UNIQUE (message_id)
);

CREATE TABLE upload_watermark (
    kind        VARCHAR(32)  NOT NULL PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    id          VARCHAR(36)  NOT NULL,
    run_id      VARCHAR(36),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO upload_watermark (kind, received_at, id, updated_at)
VALUES ('PERSONNEL', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', '', CURRENT_TIMESTAMP);

-- a run reads the personnel filings after the watermark in key order
CREATE INDEX ix_message_type_received ON message (type, received_at, id);
