-- Batch files uploaded over HTTP (POST /api/v1/batches): one row per upload, its progress while a worker of the
-- node that stored the file processes it, and its outcome. The file and its reports live under
-- sedx.batch-uploads.folder/<id>/ on that node. A row left RUNNING by a crash is queued again when the node
-- starts (docs/batch.md): the records' idempotency keys make the re-run safe.

CREATE TABLE batch_upload (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    submitting_system VARCHAR(64)   NOT NULL,
    idempotency_key   VARCHAR(128),
    file_name         VARCHAR(160)  NOT NULL,
    format            VARCHAR(8)    NOT NULL,
    sha256            CHAR(64)      NOT NULL,
    size_bytes        BIGINT        NOT NULL,
    node              VARCHAR(64)   NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    records           BIGINT        NOT NULL,
    accepted          BIGINT        NOT NULL,
    refused           BIGINT        NOT NULL,
    repeated          BIGINT        NOT NULL,
    attempts          INT           NOT NULL,
    outcome           VARCHAR(16),
    reports           VARCHAR(2000),
    failure           VARCHAR(500),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX ux_batch_upload_key ON batch_upload (submitting_system, idempotency_key);
CREATE INDEX ix_batch_upload_queue ON batch_upload (node, state, created_at);
