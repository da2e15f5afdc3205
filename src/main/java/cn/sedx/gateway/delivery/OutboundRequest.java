package cn.sedx.gateway.delivery;

import java.util.Map;

/**
 * One signed delivery ready to POST: the path below the destination's base URL, headers and exact body.
 *
 * @param path    e.g. {@code /filings} or {@code /packages}
 * @param headers the wire headers (X-Message-Id, signature headers, Content-Type)
 */
record OutboundRequest(String path, Map<String, String> headers, byte[] body) {

    public OutboundRequest {
        headers = Map.copyOf(headers);
    }
}
