package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.shared.ErrorCode;

/**
 * A stored filing a run could not write as batch XML (text XML cannot carry, a payload that is not JSON: wave-1
 * data accepted before intake refused such text). The run leaves it out, records why, and carries on.
 *
 * @param key    the filing's place in key order (its id is the message id)
 * @param reason what went wrong, masked and on one line; never the filing's text
 */
record SkippedFiling(ScanKey key, ErrorCode code, String reason) {

    String messageId() {
        return key.id();
    }
}
