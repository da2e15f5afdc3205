package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.security.AuthenticationThrottle;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.security.SystemRegistry;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Authenticates a submitting system by a WS-Security UsernameToken (OASIS WSS 1.0 UsernameToken profile):
 * {@code wsse:Username} is the system id, {@code wsse:Password} of type PasswordText its bearer token, checked
 * against the token's stored hash. An envelope without a {@code wsse:Security} header is left to the HTTP-level
 * credentials (bearer token, client certificate). PasswordDigest is refused: only a hash of the token is kept,
 * so a digest cannot be checked. WSS4J would do this job, but its CXF module needs OpenSAML, which is not on
 * Maven Central; the check is small and reads only these two elements. A wrong token counts against the source
 * address like a wrong REST credential ({@link AuthenticationThrottle}); past the limit, a wrong token is refused
 * RATE_LIMITED while a right one still works.
 */
final class UsernameTokenCheck extends AbstractSoapInterceptor {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String PASSWORD_TEXT = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-username-token-profile-1.0#PasswordText";
    private static final QName SECURITY = new QName(WSSE, "Security");

    private final SystemRegistry systems;
    private final AuthenticationThrottle throttle;

    UsernameTokenCheck(SystemRegistry systems, AuthenticationThrottle throttle) {
        super(Phase.PRE_PROTOCOL);
        this.systems = systems;
        this.throttle = throttle;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Header security = message.getHeader(SECURITY);
        if (security == null || !(security.getObject() instanceof Element header)) {
            return;
        }
        Element token = child(header, "UsernameToken").orElseThrow(() -> refusal("须含 wsse:UsernameToken",
                "wsse:Security must hold a wsse:UsernameToken"));
        String username = child(token, "Username").map(Node::getTextContent).map(String::strip).orElse("");
        Element password = child(token, "Password").orElseThrow(() -> refusal("缺少 wsse:Password",
                "wsse:Password is missing"));
        String type = password.getAttribute("Type");
        if (!type.isEmpty() && !PASSWORD_TEXT.equals(type)) {
            throw refusal("仅支持 PasswordText", "only the PasswordText password type is accepted");
        }
        String system = systems.systemForToken(password.getTextContent().strip()).filter(username::equals)
                .orElseThrow(() -> failed(source(message)));
        Optional<String> other = Callers.current().map(Caller::id).filter(id -> !id.equals(system));
        if (other.isPresent()) {
            throw refusal("HTTP 凭据与 UsernameToken 属于不同系统",
                    "the HTTP credential and the UsernameToken name two systems");
        }
        Callers.authenticateSystem(system);
    }

    /** Declares wsse:Security understood, so a client may send it with {@code mustUnderstand="1"}. */
    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(SECURITY);
    }

    private Fault failed(String source) {
        if (throttle.blocked(source)) {
            Violation violation = Violation.of(ErrorCode.RATE_LIMITED, SoapFaults.SECURITY_POINTER,
                    "认证失败次数过多，请稍后再试", "too many failed authentications from this address; try again later");
            return new Fault(SedxException.refused(ErrorCode.RATE_LIMITED, "throttled", List.of(violation)));
        }
        throttle.recordFailure(source);
        return refusal("用户名或令牌无效", "the username or token is not valid");
    }

    private static String source(SoapMessage message) {
        return message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest request
                ? request.getRemoteAddr() : "";
    }

    private static Optional<Element> child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && WSSE.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static Fault refusal(String zh, String en) {
        Violation violation = Violation.of(ErrorCode.UNAUTHENTICATED, SoapFaults.SECURITY_POINTER, zh, en);
        return new Fault(SedxException.refused(ErrorCode.UNAUTHENTICATED, en, List.of(violation)));
    }
}
