/**
 * Signatures and exchange packages (签名、数据包): signing keys and their certificates, SM2/RSA/ECDSA signature
 * profiles, verification against the trust store, the signed exchange package (manifest, entries, digests) and
 * enveloped XML signatures. Plain Java, no Camel; offers signing and verification to delivery, receipt, the
 * simulators and the console's probe. See {@code docs/signing.md}.
 */
package cn.sedx.gateway.signing;
