package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan.ScanKey;

/**
 * One cut chunk of a run, before it is signed: the filings after {@code after} up to and including {@code last},
 * as batch XML.
 *
 * @param seq     its place in the run, from 1
 * @param records person records in it
 * @param xml     the complete {@code PersonnelBatch} document
 */
record Chunk(int seq, ScanKey after, ScanKey last, int filings, int records, byte[] xml) {}
