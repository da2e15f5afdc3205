/**
 * The operator console (运维控制台): server-rendered pages under {@code /console/} (templates in
 * {@code templates/console/}, messages in Chinese and English), their own sign-in chain, and the read queries behind
 * them ({@link cn.sedx.gateway.console.ConsoleReads}, {@link cn.sedx.gateway.console.RecordReads}). Calls the
 * features' public services for every change (replay, probe, upload); nothing else depends on it. See
 * {@code docs/console.md}.
 */
package cn.sedx.gateway.console;
