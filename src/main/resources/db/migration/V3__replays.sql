-- Operator replays of stored messages: who asked, why, at what rate, and which messages remain.

CREATE TABLE replay (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    actor           VARCHAR(64)   NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    destination     VARCHAR(64),
    rate_per_second INT           NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    total           INT           NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE replay_item (
    replay_id   VARCHAR(36)  NOT NULL REFERENCES replay (id),
    seq         INT          NOT NULL,
    message_id  VARCHAR(36)  NOT NULL REFERENCES message (id),
    done_at     TIMESTAMP WITH TIME ZONE,
    outcome     VARCHAR(200),
    PRIMARY KEY (replay_id, seq)
);

CREATE INDEX ix_replay_item_pending ON replay_item (replay_id, done_at, seq);
CREATE INDEX ix_delivery_destination ON delivery (destination, state);
