/**
 * Validation of incoming filings: JSON Schema, identifiers (GB 11643, GB 32100, GB/T 2260, device codes,
 * mobiles, dates) and the business rules of Orders No. 73 and No. 74 and of the 公文 format. The entry point is
 * {@link cn.sedx.gateway.validation.FilingValidator}; {@code docs/validation.md} lists every rule and its code.
 * No Camel import: routes call it through a thin processor.
 */
package cn.sedx.gateway.validation;
