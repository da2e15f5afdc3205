-- Filings an upload run left out because they cannot be written as batch XML (text XML cannot carry, a payload
-- that is not JSON: data accepted before intake refused such text). One row per run and filing; the run goes on
-- with the others, and operators see these rows through GET /api/v1/admin/uploads.

CREATE TABLE upload_skipped (
    run_id      VARCHAR(36)  NOT NULL REFERENCES upload_run (id),
    message_id  VARCHAR(36)  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    code        VARCHAR(48)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    skipped_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, message_id)
);
