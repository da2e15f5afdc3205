/**
 * Excel workbooks (.xlsx): the templates the gateway hands out, a streaming reader bounded against zip bombs and
 * oversized parts, the mapping of template rows to canonical filings, and the error workbook with the bad cells
 * marked. Offers the templates and the record source to the intake and its batch reader.
 */
package cn.sedx.gateway.intake.xlsx;
