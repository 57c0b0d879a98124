package com.kfgateway.wecom.control;

import com.kfgateway.wecom.entity.CallbackEvent;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML of WeCom callbacks, read and written. The POST envelope comes from the internet before its signature is
 * checked and is read by {@link CallbackEnvelope}'s bounded stream reader; the decrypted message is parsed here, by a
 * parser that still refuses any DOCTYPE (no entities, no XXE, no billion laughs) and never fetches anything. Every
 * failure is {@link CryptoError#PARSE_XML} (-40002), as in WeCom's own samples.
 */
public final class CallbackXml {

    /** The most a POST envelope may be, in UTF-8 bytes; the callback endpoint reads no more of a body. */
    public static final int MAX_ENVELOPE_BYTES = CallbackEnvelope.MAX_BYTES;
    private static final String ROOT = "xml";
    /** About the number of request threads that parse at once. */
    private static final int POOL_SIZE = 64;
    private static final Queue<DocumentBuilder> BUILDERS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOLED = new AtomicInteger();

    /** Errors are thrown, not printed: the JDK's default handler writes "[Fatal Error]" to stderr. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private CallbackXml() {
    }

    /**
     * The {@code <Encrypt>} text of the POST envelope, exactly as sent: the signature covers these very characters.
     * The envelope is not signed, so it never reaches the DOM: {@link CallbackEnvelope} reads it, bounded in size and
     * depth.
     */
    public static String encryptField(String envelopeXml) throws CallbackCryptoException {
        return CallbackEnvelope.encryptField(envelopeXml);
    }

    /**
     * The decrypted callback as our type; absent optional fields become null (or empty lists). Only ever given what
     * a verified signature covered, which the envelope's bounds keep small.
     */
    public static CallbackEvent event(String decryptedXml) throws CallbackCryptoException {
        DocumentBuilder builder = borrow();
        Element root = parse(builder, decryptedXml);
        CallbackEvent event = new CallbackEvent(text(root, "ToUserName"), createTime(root), text(root, "MsgType"),
                text(root, "Event"), text(root, "Token"), text(root, "OpenKfId"),
                nonBlank(texts(root, "AuthAddOpenKfId")), nonBlank(texts(root, "AuthDelOpenKfId")), decryptedXml);
        // Only a builder whose document was read in full comes back: one that failed mid-document is dropped.
        giveBack(builder);
        return event;
    }

    /** The decrypted XML WeCom sends for {@code kf_msg_or_event} (§2.8); a null openKfId leaves the element out. */
    public static String kfEventXml(String corpId, long createTime, String syncToken, String openKfId) {
        StringBuilder xml = new StringBuilder("<xml>");
        xml.append("<ToUserName>").append(cdata(corpId)).append("</ToUserName>\n");
        xml.append("<CreateTime>").append(createTime).append("</CreateTime>\n");
        xml.append("<MsgType>").append(cdata("event")).append("</MsgType>\n");
        xml.append("<Event>").append(cdata(CallbackEvent.KF_MSG_OR_EVENT)).append("</Event>\n");
        xml.append("<Token>").append(cdata(syncToken)).append("</Token>\n");
        if (openKfId != null) {
            xml.append("<OpenKfId>").append(cdata(openKfId)).append("</OpenKfId>\n");
        }
        return xml.append("</xml>").toString();
    }

    /** A kf_account_auth_change callback: the accounts this app was granted and those taken from it. */
    public static String authChangeXml(String corpId, long createTime, List<String> added, List<String> removed) {
        StringBuilder xml = new StringBuilder("<xml>");
        xml.append("<ToUserName>").append(cdata(corpId)).append("</ToUserName>\n");
        xml.append("<CreateTime>").append(createTime).append("</CreateTime>\n");
        xml.append("<MsgType>").append(cdata("event")).append("</MsgType>\n");
        xml.append("<Event>").append(cdata(CallbackEvent.KF_ACCOUNT_AUTH_CHANGE)).append("</Event>\n");
        added.forEach(id -> xml.append("<AuthAddOpenKfId>").append(cdata(id)).append("</AuthAddOpenKfId>\n"));
        removed.forEach(id -> xml.append("<AuthDelOpenKfId>").append(cdata(id)).append("</AuthDelOpenKfId>\n"));
        return xml.append("</xml>").toString();
    }

    /** The POST body of a callback; a null agentId leaves the element out, as KF callbacks may. */
    public static String envelopeXml(String toUserName, String agentId, String encrypted) {
        StringBuilder xml = new StringBuilder("<xml>");
        xml.append("<ToUserName>").append(cdata(toUserName)).append("</ToUserName>");
        if (agentId != null) {
            xml.append("<AgentID>").append(cdata(agentId)).append("</AgentID>");
        }
        xml.append("<Encrypt>").append(cdata(encrypted)).append("</Encrypt>");
        return xml.append("</xml>").toString();
    }

    /** A CDATA section cannot contain {@code ]]>}: close it after {@code ]]} and reopen before {@code >}. */
    static String cdata(String value) {
        String text = value == null ? "" : value;
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static Element parse(DocumentBuilder builder, String xml) throws CallbackCryptoException {
        if (xml == null || xml.isBlank()) {
            throw new CallbackCryptoException(CryptoError.PARSE_XML);
        }
        try {
            Document document = builder.parse(new InputSource(new StringReader(xml)));
            Element root = document.getDocumentElement();
            if (document.getDoctype() != null || !ROOT.equals(root.getTagName())) {
                throw new CallbackCryptoException(CryptoError.PARSE_XML);
            }
            return root;
        } catch (SAXException | IOException e) {
            // The parser's message may quote the document; the caller's log needs only the code.
            throw new CallbackCryptoException(CryptoError.PARSE_XML);
        }
    }

    /**
     * A builder from the pool, or a new one. Making a hardened factory and builder costs more than parsing a
     * callback; a builder is not thread-safe but can be reset and reused, so each one serves one parse at a time.
     * A plain queue rather than a ThreadLocal: nothing of ours stays on the server's threads after an undeploy.
     */
    private static DocumentBuilder borrow() {
        DocumentBuilder pooled = BUILDERS.poll();
        if (pooled != null) {
            POOLED.decrementAndGet();
            return pooled;
        }
        return newBuilder();
    }

    private static void giveBack(DocumentBuilder builder) {
        builder.reset();
        builder.setErrorHandler(THROWING);
        if (POOLED.incrementAndGet() <= POOL_SIZE) {
            BUILDERS.offer(builder);
        } else {
            POOLED.decrementAndGet();
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            // The JDK's own parser, whatever the server puts on the classpath, so these features are known to work.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a hardening feature", e);
        }
    }

    private static long createTime(Element root) throws CallbackCryptoException {
        String value = text(root, "CreateTime");
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new CallbackCryptoException(CryptoError.PARSE_XML);
        }
    }

    /** The first direct child's text, or null when absent or blank. */
    private static String text(Element root, String name) {
        List<String> values = nonBlank(texts(root, name));
        return values.isEmpty() ? null : values.get(0);
    }

    /** Direct children only: a nested element of the same name is someone else's field. */
    private static List<String> texts(Element root, String name) {
        List<String> values = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && name.equals(child.getNodeName())) {
                values.add(child.getTextContent());
            }
        }
        return values;
    }

    private static List<String> nonBlank(List<String> values) {
        values.removeIf(String::isBlank);
        return values;
    }
}
