/**
 * The one way in (报送入口): {@link cn.sedx.gateway.intake.IntakeService} parses, validates, honours the idempotency
 * key and stores a filing as RECEIVED for every channel; the channels live in the sub-packages (REST in
 * {@code web}, SOAP in {@code soap}, batch files and uploads in {@code batch}, Excel workbooks in {@code xlsx}).
 * Offers {@link cn.sedx.gateway.intake.AcceptanceStep} (work the rectification and agency features do in the
 * transaction that stores a filing, which may still refuse it) and the Excel templates to the console.
 */
package cn.sedx.gateway.intake;
