package com.kfgateway.wecom.control;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The outer POST envelope, {@code <xml><ToUserName/><AgentID/><Encrypt/></xml>}, read before anything about it is
 * trusted: its signature covers only the {@code Encrypt} text. So it is read as a stream of events in one loop (no
 * tree, no recursion), at most {@link #MAX_BYTES} of it and at most {@link #MAX_DEPTH} elements deep, and a DOCTYPE
 * or an entity reference ends the read. Every refusal is {@link CryptoError#PARSE_XML} (-40002).
 */
final class CallbackEnvelope {

    /**
     * WeCom's envelopes are well under 1 KiB; the largest plausible one, a {@code kf_account_auth_change} naming
     * about 80 accounts, still fits.
     */
    static final int MAX_BYTES = 8 * 1024;
    /** The envelope itself is two deep; some slack for fields WeCom may add, none for nesting games. */
    static final int MAX_DEPTH = 4;
    private static final String ROOT = "xml";
    private static final String ENCRYPT = "Encrypt";

    private CallbackEnvelope() {
    }

    /** The one {@code <Encrypt>} directly under the root, exactly as sent: the signature covers these characters. */
    static String encryptField(String envelopeXml) throws CallbackCryptoException {
        if (envelopeXml == null || envelopeXml.isEmpty() || tooLarge(envelopeXml)) {
            throw refused();
        }
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(envelopeXml));
            return readEncrypt(reader);
        } catch (XMLStreamException | RuntimeException e) {
            // The parser's message may quote the document; the caller's log needs only the code.
            throw refused();
        } finally {
            close(reader);
        }
    }

    private static String readEncrypt(XMLStreamReader reader) throws XMLStreamException, CallbackCryptoException {
        int depth = 0;
        int encrypts = 0;
        boolean inEncrypt = false;
        StringBuilder encrypt = new StringBuilder();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    String name = reader.getLocalName();
                    if (depth > MAX_DEPTH || depth == 1 && !ROOT.equals(name)) {
                        throw refused();
                    }
                    if (depth == 2 && ENCRYPT.equals(name)) {
                        // More than one Encrypt would let a forger choose which one we sign and which one we decrypt.
                        encrypts++;
                        inEncrypt = true;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 2) {
                        inEncrypt = false;
                    }
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (inEncrypt) {
                        encrypt.append(reader.getText());
                    }
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw refused();
                default -> {
                    // Comments, processing instructions and the document's start and end carry nothing.
                }
            }
        }
        if (encrypts != 1 || encrypt.toString().isBlank()) {
            throw refused();
        }
        return encrypt.toString();
    }

    /** Counts UTF-8 bytes without encoding: a character is at most 3 bytes, a surrogate pair 4. */
    private static boolean tooLarge(String xml) {
        if (xml.length() > MAX_BYTES) {
            return true;
        }
        return xml.length() * 3 > MAX_BYTES && xml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** One per read: the JDK does not promise that a factory is thread-safe, and making one is cheap. */
    private static XMLInputFactory factory() {
        // The JDK's own StAX parser, whatever the server puts on the classpath, so these properties are known to work.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("no external resources");
        });
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Reading a string: nothing to release.
            }
        }
    }

    private static CallbackCryptoException refused() {
        return new CallbackCryptoException(CryptoError.PARSE_XML);
    }
}
