package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SecureXml;
import cn.sedx.gateway.shared.SedxException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Enveloped XML-DSig signatures (Apache Santuario) over a whole document, for peers that want their
 * XML payloads signed in-band: RSA-SHA256 or ECDSA-P256-SHA256, SHA-256 reference digest, exclusive
 * C14N, the signer certificate in {@code KeyInfo/X509Data}. {@code xmlsec1 --verify} accepts them.
 * SM2 has no registered XML-DSig algorithm and is refused. Thread-safe.
 */
class XmlSignatures {

    private static final Map<SignatureProfile, String> ALGORITHMS = Map.of(
            SignatureProfile.RSA_SHA256, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureProfile.ECDSA_P256_SHA256, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256);

    static {
        Init.init();
    }

    private final SignatureVerifier verifier;

    /** @param verifier checks the signer certificate against the trust store */
    public XmlSignatures(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Signs a UTF-8 XML document, appending {@code ds:Signature} to its root element.
     *
     * @return the signed document's bytes
     * @throws SedxException MALFORMED_XML for unparseable input; SIGNING_KEY_UNAVAILABLE for an SM2 signer
     */
    public byte[] sign(byte[] xml, Signer signer) {
        Document document = parse(xml);
        sign(document, signer);
        ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length + 2048);
        XMLUtils.outputDOM(document, out);
        return out.toByteArray();
    }

    /** Signs a DOM document in place (the root element gains the signature). */
    public void sign(Document document, Signer signer) {
        String algorithm = ALGORITHMS.get(signer.profile());
        if (algorithm == null) {
            throw new SedxException(ErrorCode.SIGNING_KEY_UNAVAILABLE, "XML-DSig supports RSA and ECDSA keys, not "
                    + signer.profile().headerValue());
        }
        try {
            XMLSignature signature = new XMLSignature(document, "", algorithm,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, Crypto.PROVIDER);
            document.getDocumentElement().appendChild(signature.getElement());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("", transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
            signature.addKeyInfo(signer.certificate());
            signature.sign(signer.privateKey());
        } catch (XMLSecurityException e) {
            throw SedxException.because(ErrorCode.SIGNING_KEY_UNAVAILABLE,
                    "XML signing failed: " + e.getMessage(), e);
        }
    }

    /** Verifies a signed UTF-8 XML document; see {@link #verify(Document, Instant)}. */
    public X509Certificate verify(byte[] xml, Instant signingTime) {
        return verify(parse(xml), signingTime);
    }

    /**
     * Verifies the one enveloped signature of a document: it must sit directly under the root, cover
     * the whole document ({@code URI=""}), use the algorithm of its certificate's key, and the
     * certificate must chain to the trust store and be valid at {@code signingTime}.
     *
     * @return the signer certificate
     * @throws SedxException SIGNATURE_INVALID, CERT_UNTRUSTED, CERT_EXPIRED or CERT_NOT_YET_VALID
     */
    public X509Certificate verify(Document document, Instant signingTime) {
        Element element = signatureElement(document);
        try {
            XMLSignature signature = new XMLSignature(element, "", true, Crypto.PROVIDER);
            // only a reference to the whole document: a partial one invites signature wrapping
            if (signature.getSignedInfo().getLength() != 1
                    || !"".equals(signature.getSignedInfo().item(0).getURI())) {
                throw invalid("the signature must have exactly one reference, to the whole document (URI=\"\")");
            }
            X509Certificate certificate = endEntity(signature.getKeyInfo());
            SignatureProfile profile = SignatureProfile.forKey(certificate.getPublicKey());
            if (!signature.getSignedInfo().getSignatureMethodURI().equals(ALGORITHMS.get(profile))) {
                throw invalid("signature method " + signature.getSignedInfo().getSignatureMethodURI()
                        + " does not fit the certificate's key");
            }
            verifier.verifyCertificate(certificate, signingTime);
            if (!signature.checkSignatureValue(certificate)) {
                throw invalid("the XML signature of " + SignatureVerifier.subject(certificate) + " does not verify");
            }
            return certificate;
        } catch (XMLSecurityException e) {
            throw SedxException.because(ErrorCode.SIGNATURE_INVALID,
                    "the XML signature cannot be processed: " + e.getMessage(), e);
        }
    }

    /** The one non-CA certificate of the KeyInfo (which may carry the chain too). */
    private static X509Certificate endEntity(KeyInfo keyInfo) throws XMLSecurityException {
        List<X509Certificate> endEntities = new ArrayList<>();
        for (int i = 0; keyInfo != null && i < keyInfo.lengthX509Data(); i++) {
            X509Data data = keyInfo.itemX509Data(i);
            for (int j = 0; j < data.lengthCertificate(); j++) {
                X509Certificate certificate = data.itemCertificate(j).getX509Certificate();
                if (certificate.getBasicConstraints() < 0) {
                    endEntities.add(certificate);
                }
            }
        }
        if (endEntities.size() != 1) {
            throw invalid("the signature must carry exactly one end-entity X.509 certificate, found "
                    + endEntities.size());
        }
        return endEntities.get(0);
    }

    private static Element signatureElement(Document document) {
        NodeList signatures = document.getElementsByTagNameNS(Constants.SignatureSpecNS, "Signature");
        if (signatures.getLength() != 1) {
            throw invalid("expected exactly one ds:Signature, found " + signatures.getLength());
        }
        Element element = (Element) signatures.item(0);
        if (element.getParentNode() != document.getDocumentElement()) {
            throw invalid("the ds:Signature must be a child of the root element (enveloped)");
        }
        return element;
    }

    /** Parses with DTDs refused, so no entity expansion and no external fetch can happen. */
    static Document parse(byte[] xml) {
        try {
            return SecureXml.documentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw SedxException.because(ErrorCode.MALFORMED_XML, "not well-formed XML: "
                    + e.getMessage(), e);
        }
    }

    private static SedxException invalid(String detail) {
        return new SedxException(ErrorCode.SIGNATURE_INVALID, detail);
    }
}
