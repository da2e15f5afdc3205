package cn.sedx.gateway.receipt;

import java.time.Instant;

/**
 * A platform's receipt for one delivery ({@code schemas/receipt.schema.json}).
 *
 * @param status     RECEIVED the first time, DUPLICATE for a message id the platform already had
 * @param bodySha256 lowercase hex SHA-256 of the exact request body the platform received
 */
public record Receipt(String messageId, String destination, String status, Instant receivedAt, String bodySha256) {}
