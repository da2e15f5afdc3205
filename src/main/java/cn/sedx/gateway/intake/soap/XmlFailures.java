package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.StoreOutage;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;

/**
 * Names what went wrong when a request failed before the gateway's own code saw it: the XML parser's limits
 * and refusals (DTDs and entities), a malformed or oversize request, a SOAP envelope of the wrong version, a
 * missing body, an element of the wrong namespace. The parser's own message never reaches the client: it
 * can echo attacker-chosen text and internal names.
 */
public final class XmlFailures {

    private XmlFailures() {}

    /** The refusal a failure amounts to; {@link ErrorCode#INTERNAL_ERROR} when it is none of the known kinds. */
    public static SedxException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SedxException refusal) {
                return refusal;
            }
            if (t instanceof RequestTooLarge tooLarge) {
                return refusal(ErrorCode.PAYLOAD_TOO_LARGE, "请求超过 " + tooLarge.limit() + " 字节",
                        "the request exceeds " + tooLarge.limit() + " bytes");
            }
            if (t instanceof SoapFault fault && isVersionMismatch(fault.getFaultCode())) {
                return refusal(ErrorCode.SOAP_VERSION_MISMATCH, "信封须为 SOAP 1.1 或 SOAP 1.2",
                        "the envelope must be SOAP 1.1 or SOAP 1.2");
            }
        }
        if (StoreOutage.isCause(failure)) {
            // the database cannot be reached: a Receiver fault the client may retry, as REST's 503 with Retry-After
            return SedxException.refused(ErrorCode.STORE_UNAVAILABLE, "the gateway's database is unavailable",
                    List.of(Violation.of(ErrorCode.STORE_UNAVAILABLE, ""))).causedBy(failure);
        }
        return byMessage(failure);
    }

    private static SedxException byMessage(Throwable failure) {
        String text = messages(failure).toLowerCase(Locale.ROOT);
        if (text.contains("could not find xsd") || text.contains("could not find wsdl")) {
            // a GET for ?xsd= or ?wsdl= naming a document the service does not publish
            return refusal(ErrorCode.RESOURCE_NOT_FOUND, "本服务没有发布此文档", "the service publishes no such document");
        }
        SedxException refusal = parserRefusal(text);
        if (refusal == null) {
            refusal = soapRefusal(text);
        }
        if (refusal != null) {
            return refusal;
        }
        if (hasXmlCause(failure) || text.contains("parse") || text.contains("couldn't create soap message")) {
            return malformed();
        }
        return SedxException.refused(ErrorCode.INTERNAL_ERROR, "unclassified SOAP failure",
                List.of(Violation.of(ErrorCode.INTERNAL_ERROR, ""))).causedBy(failure);
    }

    /**
     * Whether the parser refused a character XML cannot carry (a NUL or other control, a surrogate, U+FFFE/U+FFFF),
     * written raw or as a character reference: the same defect as XML_UNSAFE_TEXT in JSON.
     */
    public static boolean isUnsafeCharacter(Throwable failure) {
        return isUnsafeCharacter(messages(failure).toLowerCase(Locale.ROOT));
    }

    /** The refusal of a character XML cannot carry, where the parser found it. */
    public static SedxException unsafeCharacter() {
        return refusal(ErrorCode.XML_UNSAFE_TEXT, "文档含有 XML 无法承载的字符", "the document holds a character XML cannot carry");
    }

    private static boolean isUnsafeCharacter(String text) {
        return text.contains("invalid character reference") || text.contains("illegal character entity")
                || text.contains("ctrl-char") || text.contains("invalid xml character")
                || text.contains("not a valid xml character");
    }

    /** What Woodstox refused: DTDs and entities, its limits, ill-formed XML; null when none of these. */
    private static SedxException parserRefusal(String text) {
        if (isUnsafeCharacter(text)) {
            return unsafeCharacter();
        }
        if (text.contains("dtd") || text.contains("doctype") || text.contains("entity")) {
            return refusal(ErrorCode.XML_DTD_REFUSED, "请求含有 DTD 或实体", "the request holds a DTD or an entity");
        }
        if (text.contains("element depth")) {
            return refusal(ErrorCode.NESTING_TOO_DEEP, "元素嵌套过深", "elements are nested too deeply");
        }
        if (text.contains("child elements") || text.contains("element count") || text.contains("number of child")) {
            return refusal(ErrorCode.XML_TOO_MANY_ELEMENTS, "元素数量超过限制", "too many elements");
        }
        if (text.contains("text size") || text.contains("text length") || text.contains("attribute")
                && text.contains("limit")) {
            return refusal(ErrorCode.XML_TEXT_TOO_LONG, "文本或属性过长", "a text or attribute is too long");
        }
        if (text.contains("unexpected close tag") || text.contains("unexpected character")
                || text.contains("unexpected eof") || text.contains("unexpected end of input")
                || text.contains("was expecting") || text.contains("in prolog")) {
            return malformed();
        }
        return null;
    }

    /** What CXF could not map to an operation or unmarshal; null when none of these. */
    private static SedxException soapRefusal(String text) {
        String ours = "{" + SoapXPaths.NAMESPACE.toLowerCase(Locale.ROOT);
        boolean unknownPart = text.contains("message part") && text.contains("not recognized");
        if (text.contains("unexpected wrapper element") || unknownPart && !text.contains(ours)) {
            return refusal(ErrorCode.SOAP_NAMESPACE_UNKNOWN, "请求元素须在命名空间 " + SoapXPaths.NAMESPACE + " 中",
                    "the request element must be in namespace " + SoapXPaths.NAMESPACE);
        }
        if (unknownPart || text.contains("no binding operation info") || text.contains("no such operation")) {
            return refusal(ErrorCode.SOAP_OPERATION_UNKNOWN, "本服务没有该操作", "the service has no such operation");
        }
        if (text.contains("unmarshalling error") || text.contains("unexpected element")) {
            return refusal(ErrorCode.SCHEMA_VIOLATION, "请求不符合 WSDL 中的 XML 结构",
                    "the request does not match the XML structure of the WSDL");
        }
        return null;
    }

    private static SedxException malformed() {
        return refusal(ErrorCode.MALFORMED_XML, "请求不是格式正确的 SOAP XML", "the request is not well-formed SOAP XML");
    }

    private static boolean isVersionMismatch(QName code) {
        return code != null && (code.equals(Soap11.getInstance().getVersionMismatch())
                || code.equals(Soap12.getInstance().getVersionMismatch()));
    }

    private static boolean hasXmlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof XMLStreamException) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static SedxException refusal(ErrorCode code, String zh, String en) {
        return SedxException.at(code, "", zh, en);
    }
}
