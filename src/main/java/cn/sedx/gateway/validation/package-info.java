/**
 * Validation of incoming filings (校验): JSON Schema, identifiers (GB 11643 and the other identity documents,
 * GB 32100, GB/T 2260, device codes against the catalogue, mobiles, dates and periods), text XML can carry, and the
 * business rules of Orders No. 73 and No. 74, of the 公文 format, of training records, rectification orders, agencies'
 * reports and year-end figures. The entry point is {@link cn.sedx.gateway.validation.FilingValidator}, which the
 * intake calls for every channel (REST, SOAP, batch files, workbooks); {@code docs/validation.md} lists every rule and
 * its code. Plain Java, no Camel import; the personnel on file reach it through
 * {@link cn.sedx.gateway.validation.PersonnelDirectory}, which the intake implements over the store.
 */
package cn.sedx.gateway.validation;
