package ru.msed.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import ru.msed.web.UserInputException;

/**
 * The XML of containers: {@code passport.xml} (schema {@code exchange/container.xsd}, modelled on MEDO
 * 2.7's container) and {@code notification.xml} ({@code exchange/notification.xsd}, MEDO's
 * xdms:communication). Reading is safe before it is strict: no DOCTYPE at all (so no entities, no
 * external anything), the declared encoding required, then the schema; each refusal names the problem
 * in Russian, with the line where the parser found it.
 */
@Component
class ContainerXml {

    static final String CONTAINER_NS = "http://minsvyaz.ru/container";
    static final String XDMS_NS = "http://www.infpres.com/IEDMS";
    private static final Pattern DECLARED_ENCODING = Pattern.compile("^\\uFEFF?<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /** A passport as read: the document's requisites, its sender, and its files in order (the document first). */
    record Passport(UUID uid, int sequence, String documentKind, String annotation, String senderCode, String senderTitle,
            String registrationNumber, LocalDate registrationDate, String signer, List<String> addressees, List<PassportFile> files) {
    }

    /** A file named in the passport: {@code order} 0 is the document itself. */
    record PassportFile(int order, String name, String sha256, String signature, String description) {
    }

    /** A notification as exported or read. */
    record NoticeMessage(UUID uid, Instant created, String sourceCode, String sourceName, NoticeKind kind, UUID documentUid,
            String number, LocalDate date, String comment) {
    }

    private final Schema containerSchema;
    private final Schema notificationSchema;

    ContainerXml() throws SAXException {
        // The JDK's own parsers (newDefaultInstance): a library's XML parser on the class path (the load
        // tests bring one) would otherwise be picked and may not know the secure-processing properties.
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        containerSchema = factory.newSchema(ContainerXml.class.getResource("/exchange/container.xsd"));
        notificationSchema = factory.newSchema(ContainerXml.class.getResource("/exchange/notification.xsd"));
    }

    // ---- reading

    Passport readPassport(byte[] xml) {
        Element root = parse("passport.xml", xml, containerSchema, "схеме транспортного контейнера (exchange/container.xsd)");
        Element requisites = child(root, "requisites");
        Element author = child(child(root, "authors"), "author");
        Element organization = child(author, "organization");
        Element registration = child(author, "registration");
        Element sign = child(author, "sign");
        Element person = sign == null ? null : child(sign, "person");
        List<String> addressees = new ArrayList<>();
        Element addresseeList = child(root, "addressees");
        if (addresseeList != null) {
            for (Element addressee : children(addresseeList, "addressee")) {
                addressees.add(addressee.hasAttribute("code") ? addressee.getAttribute("code") : addressee.getAttribute("title"));
            }
        }
        List<PassportFile> files = new ArrayList<>();
        files.add(file(child(root, "document"), 0));
        Element attachments = child(root, "attachments");
        if (attachments != null) {
            children(attachments, "attachment").stream().map(a -> file(a, Integer.parseInt(a.getAttribute("order"))))
                    .sorted(Comparator.comparingInt(PassportFile::order)).forEach(files::add);
        }
        String signer = person == null ? null : person.getAttribute("name")
                + (person.hasAttribute("post") ? ", " + person.getAttribute("post") : "");
        return new Passport(UUID.fromString(root.getAttribute("uid")),
                root.hasAttribute("sequence") ? Integer.parseInt(root.getAttribute("sequence")) : 1,
                text(child(requisites, "documentKind")), text(child(requisites, "annotation")),
                organization.hasAttribute("code") ? organization.getAttribute("code") : organization.getAttribute("title"),
                organization.getAttribute("title"), registration.getAttribute("number"),
                LocalDate.parse(registration.getAttribute("date")), signer, addressees, files);
    }

    NoticeMessage readNotice(byte[] xml) {
        Element root = parse("notification.xml", xml, notificationSchema, "схеме уведомления (exchange/notification.xsd)");
        Element header = childNs(root, XDMS_NS, "header");
        Element source = childNs(header, XDMS_NS, "source");
        Element notification = childNs(root, XDMS_NS, "notification");
        Element num = childNs(notification, XDMS_NS, "num");
        Element comment = childNs(notification, XDMS_NS, "comment");
        return new NoticeMessage(UUID.fromString(header.getAttributeNS(XDMS_NS, "uid")),
                instant(header.getAttributeNS(XDMS_NS, "created")),
                source.getAttributeNS(XDMS_NS, "uid"), text(childNs(source, XDMS_NS, "organization")),
                NoticeKind.ofLabel(notification.getAttributeNS(XDMS_NS, "type")).orElseThrow(),
                UUID.fromString(text(childNs(notification, XDMS_NS, "documentUid"))),
                num == null ? null : text(childNs(num, XDMS_NS, "number")),
                num == null ? null : LocalDate.parse(text(childNs(num, XDMS_NS, "date"))), comment == null ? null : text(comment));
    }

    private Element parse(String name, byte[] xml, Schema schema, String schemaName) {
        String head = new String(xml, 0, Math.min(xml.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head);
        if (!declared.find()) {
            throw new UserInputException(name + ": в объявлении XML не указана кодировка (encoding=\"UTF-8\" или \"windows-1251\").");
        }
        String encoding = declared.group(1).toUpperCase(Locale.ROOT);
        if (!encoding.equals("UTF-8") && !encoding.equals("WINDOWS-1251")) {
            throw new UserInputException(name + ": кодировка «" + declared.group(1) + "» не допускается (только UTF-8 или windows-1251).");
        }
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new UserInputException(name + ": объявление DOCTYPE (DTD, внешние сущности) запрещено.");
            }
            throw new UserInputException(name + " не является корректным XML (строка " + e.getLineNumber() + ", столбец "
                    + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new UserInputException(name + " не является корректным XML: " + e.getMessage());
        }
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            throw new UserInputException(name + " не соответствует " + schemaName + " (строка " + e.getLineNumber() + ", столбец "
                    + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new UserInputException(name + " не соответствует " + schemaName + ": " + e.getMessage());
        }
        return document.getDocumentElement();
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
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
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An xs:dateTime; one without a zone is read as UTC. */
    private static Instant instant(String dateTime) {
        var parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(dateTime);
        return parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS) ? Instant.from(parsed)
                : java.time.LocalDateTime.from(parsed).toInstant(java.time.ZoneOffset.UTC);
    }

    private static PassportFile file(Element element, int order) {
        return new PassportFile(order, element.getAttribute("localName"), element.getAttribute("sha256"),
                element.hasAttribute("signature") ? element.getAttribute("signature") : null,
                element.hasAttribute("description") ? element.getAttribute("description") : null);
    }

    private static Element child(Element parent, String name) {
        return childNs(parent, CONTAINER_NS, name);
    }

    private static Element childNs(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && name.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    // ---- writing

    byte[] writePassport(Passport passport) {
        Document xml = builder().newDocument();
        Element root = xml.createElementNS(CONTAINER_NS, "container");
        xml.appendChild(root);
        root.setAttribute("version", "2.7");
        root.setAttribute("uid", passport.uid().toString());
        root.setAttribute("sequence", Integer.toString(passport.sequence()));
        Element requisites = add(root, "requisites");
        add(requisites, "documentKind").setTextContent(passport.documentKind());
        add(requisites, "annotation").setTextContent(passport.annotation());
        Element author = add(add(root, "authors"), "author");
        Element organization = add(author, "organization");
        organization.setAttribute("code", passport.senderCode());
        organization.setAttribute("title", passport.senderTitle());
        Element registration = add(author, "registration");
        registration.setAttribute("number", passport.registrationNumber());
        registration.setAttribute("date", passport.registrationDate().toString());
        if (passport.signer() != null) {
            add(add(author, "sign"), "person").setAttribute("name", passport.signer());
        }
        if (!passport.addressees().isEmpty()) {
            Element addressees = add(root, "addressees");
            passport.addressees().forEach(title -> add(addressees, "addressee").setAttribute("title", title));
        }
        Element attachments = null;
        for (PassportFile file : passport.files()) {
            Element element;
            if (file.order() == 0) {
                element = add(root, "document");
            } else {
                attachments = attachments == null ? add(root, "attachments") : attachments;
                element = add(attachments, "attachment");
            }
            element.setAttribute("localName", file.name());
            element.setAttribute("sha256", file.sha256());
            if (file.signature() != null) {
                element.setAttribute("signature", file.signature());
            }
            if (file.order() > 0) {
                element.setAttribute("order", Integer.toString(file.order()));
            }
        }
        return serialize(xml);
    }

    byte[] writeNotice(NoticeMessage notice) {
        Document xml = builder().newDocument();
        Element root = xml.createElementNS(XDMS_NS, "xdms:communication");
        xml.appendChild(root);
        root.setAttributeNS(XDMS_NS, "xdms:version", "2.7");
        Element header = addNs(root, "header");
        header.setAttributeNS(XDMS_NS, "xdms:type", "Уведомление");
        header.setAttributeNS(XDMS_NS, "xdms:uid", notice.uid().toString());
        header.setAttributeNS(XDMS_NS, "xdms:created", notice.created().toString());
        Element source = addNs(header, "source");
        source.setAttributeNS(XDMS_NS, "xdms:uid", notice.sourceCode());
        addNs(source, "organization").setTextContent(notice.sourceName());
        Element notification = addNs(root, "notification");
        notification.setAttributeNS(XDMS_NS, "xdms:type", notice.kind().label());
        addNs(notification, "documentUid").setTextContent(notice.documentUid().toString());
        if (notice.number() != null && notice.date() != null) {
            Element num = addNs(notification, "num");
            addNs(num, "number").setTextContent(notice.number());
            addNs(num, "date").setTextContent(notice.date().toString());
        }
        if (notice.comment() != null && !notice.comment().isBlank()) {
            addNs(notification, "comment").setTextContent(notice.comment());
        }
        return serialize(xml);
    }

    private static Element add(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(CONTAINER_NS, name);
        parent.appendChild(child);
        return child;
    }

    private static Element addNs(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(XDMS_NS, "xdms:" + name);
        parent.appendChild(child);
        return child;
    }

    private static byte[] serialize(Document xml) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            xml.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
