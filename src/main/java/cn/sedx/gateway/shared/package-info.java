/**
 * The error model and little else: {@link cn.sedx.gateway.shared.ErrorCode} (with each code's HTTP status, retry
 * flag and SOAP fault side), {@link cn.sedx.gateway.shared.SedxException}, {@link cn.sedx.gateway.shared.Violation}
 * and the problem bodies; the one helper for each recurring job ({@link cn.sedx.gateway.shared.Sha256},
 * {@link cn.sedx.gateway.shared.SecureXml}, {@link cn.sedx.gateway.shared.DaemonThreads}); personal-data masking
 * and the Logback converters that apply it.
 */
package cn.sedx.gateway.shared;
