-- Claims of the pollers that several gateway nodes share (docs/scale-out.md "Pollers"): a node takes rows with a
-- guarded UPDATE that only succeeds while nobody else's claim is live, so each row is worked by one node at a time,
-- and a node that died mid-work loses its claim when the lease runs out.

-- replay items a node is putting back on their queues, until the lease ends or the item is done
ALTER TABLE replay_item ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;

-- batch files of a shared inbox being read by a node (Camel's idempotent read lock, BatchFileClaims)
CREATE TABLE batch_file_claim (
    file_key      VARCHAR(1024) NOT NULL PRIMARY KEY,
    node          VARCHAR(200)  NOT NULL,
    claimed_until TIMESTAMP WITH TIME ZONE NOT NULL
);
