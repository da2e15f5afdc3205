/**
 * Receipts (回执): the verification of a platform's synchronous signed receipt before a delivery counts as
 * ACKNOWLEDGED ({@link cn.sedx.gateway.receipt.ReceiptVerifier}, used by delivery), and the document exchange's
 * later signed callbacks (已签收, 已退回) at {@code /api/v1/callbacks/document-exchange}.
 */
package cn.sedx.gateway.receipt;
