/**
 * The SOAP channel ({@code /ws/submission}, {@code schemas/submission.wsdl}): the CXF endpoint, the WS-Security and
 * body checks, the adapter that {@code routes/soap.camel.yaml} dispatches each operation to, and the translation of
 * refusals into SOAP faults carrying the same error codes as REST. Offers the XPath naming of violations, the XML
 * failure classification and the canonical-filing writer to the XML batch reader. See {@code docs/soap.md}.
 */
package cn.sedx.gateway.intake.soap;
