package ru.msed.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import ru.msed.ExchangeDriver;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.document.AttachmentService;
import ru.msed.signature.DocumentSignature;
import ru.msed.signature.SignatureService;
import ru.msed.signature.TestPki;

/**
 * Transport containers for outside systems, over the API a registrar's page calls: a registered
 * outgoing document exported by one organization and imported by another arrives with its file
 * byte-identical and its signature valid; importing it again creates nothing; its notification goes
 * back as a container too. Every kind of malformed container is refused in Russian with nothing
 * created in the database.
 */
@MsedIntegrationTest
class TransportContainersIT {

    /** Tables a container import writes to: none may change when one is refused. */
    private static final List<String> TABLES = List.of("document", "attachment", "document_signature", "exchange_package",
            "exchange_package_file", "exchange_notice", "act_ru_execution", "act_ru_task", "audit_event");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ExchangeDriver exchange;
    @Autowired
    SecondOrganization second;
    @Autowired
    AttachmentService attachments;
    @Autowired
    SignatureService signatures;
    @Autowired
    ExchangeTimeline timeline;
    @Autowired
    JdbcTemplate jdbc;

    static TestPki.Issued root;
    static TestPki.Issued manager;

    @BeforeEach
    void setUp() throws Exception {
        second.ensure();
        if (root == null) {
            root = TestPki.root("Тестовый УЦ обмена", TestPki.Algorithm.GOST_256);
            manager = TestPki.person(root, "Петров", "Сергей Николаевич", false);
            Path trusted = Files.createDirectories(Path.of("target/test-trust/trusted"));
            Files.writeString(trusted.resolve("exchange-root.pem"), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(root.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        }
    }

    @Test
    void aContainerExportedByOneOrganizationArrivesInAnotherWithIdenticalFilesAndValidSignaturesOnce() throws Exception {
        byte[] letter = ("%PDF-1.4 письмо для внешней системы " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        ProcessInstance outgoing = exchange.drafted(ExchangeDriver.DEMO, List.of(), null, letter);
        long documentId = driver.documentId(outgoing);
        byte[] cms = TestPki.sign(letter, manager);
        driver.as("manager", () -> signatures.signEnhanced(documentId, "manager", cms));
        driver.complete(driver.task(outgoing, "Task_SignDocument"), "manager", Map.of("signed", true));

        ResponseEntity<byte[]> export = Http.as(port, "registrar").get().uri("/api/exchange/documents/{id}/container", documentId)
                .retrieve().toEntity(byte[].class);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        Map<String, byte[]> files = unzip(export.getBody());
        assertThat(files.keySet()).containsExactly("passport.xml", "pismo.pdf", "pismo.pdf.p7s");
        String passport = new String(files.get("passport.xml"), StandardCharsets.UTF_8);
        assertThat(passport).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"").contains("xmlns=\"http://minsvyaz.ru/container\"")
                .contains(ContainerBuilder.sha256(letter));

        ResponseEntity<JsonNode> imported = importContainer("alt-registrar", export.getBody(), null);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        long arrivedId = imported.getBody().get("documentId").asLong();
        var copy = attachments.list(arrivedId);
        assertThat(copy).hasSize(1);
        assertThat(attachments.download(arrivedId, copy.get(0).id()).content()).isEqualTo(letter);
        assertThat(signatures.of(arrivedId)).extracting(DocumentSignature::getKind).containsExactly("UNQUALIFIED");
        assertThat(signatures.verify(letter, signatures.of(arrivedId).get(0).getSignature()).valid()).isTrue();
        ProcessInstance arrival = exchange.arrival(imported.getBody().get("packageId").asLong());
        assertThat(engine.getRuntimeService().getVariable(arrival.getId(), "signatureCheck").toString()).contains("действительна");
        assertThat(engine.getRuntimeService().getVariable(arrival.getId(), "correspondent"))
                .isEqualTo(jdbc.queryForObject("SELECT full_name FROM organization WHERE code = 'DEMO'", String.class));

        Map<String, Long> before = counts();
        ResponseEntity<JsonNode> again = importContainer("alt-registrar", export.getBody(), null);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("duplicate").asBoolean()).isTrue();
        assertThat(again.getBody().get("documentId").asLong()).isEqualTo(arrivedId);
        assertThat(counts()).isEqualTo(before);

        // The committee registers it; «зарегистрирован» goes back to the ministry as a notification container.
        driver.complete(driver.task(arrival, "Task_ConsiderArrival"), "alt-registrar", Map.of("arrivalDecision", "register",
                "sheetCount", 1));
        JsonNode owed = Http.as(port, "alt-registrar").get().uri("/api/exchange/notices").retrieve().body(JsonNode.class);
        JsonNode registered = null;
        for (JsonNode notice : owed) {
            if (notice.get("kind").asText().equals("REGISTERED") && notice.get("status").asText().equals("OUTBOUND")) {
                registered = notice;
            }
        }
        assertThat(registered).isNotNull();
        byte[] notification = Http.as(port, "alt-registrar").get().uri("/api/exchange/notices/{id}/container",
                registered.get("id").asLong()).retrieve().body(byte[].class);
        assertThat(new String(unzip(notification).get("notification.xml"), StandardCharsets.UTF_8))
                .contains("xdms:type=\"Документ зарегистрирован\"");
        assertThat(importNotice("registrar", notification).getStatusCode().value()).isEqualTo(201);
        assertThat(importNotice("registrar", notification).getStatusCode().value()).as("imported once").isEqualTo(200);
        ExchangeTimeline.Recipient outside = timeline.of(documentId).recipients().get(0);
        assertThat(outside.events()).extracting(ExchangeTimeline.Event::kind).containsExactly("EXPORTED", "REGISTERED");
        assertThat(outside.statusLabel()).isEqualTo("Документ зарегистрирован");
    }

    @Test
    void everyKindOfMalformedContainerIsRefusedInRussianAndNothingIsCreated() throws Exception {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        bad.put("not a zip", "%PDF-1.4 это не архив".getBytes(StandardCharsets.UTF_8));
        expected.put("not a zip", "не является ZIP-архивом");
        ContainerBuilder broken = new ContainerBuilder();
        broken.passportOverride = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><container><requisites></container>";
        bad.put("xml not well-formed", broken.zip());
        expected.put("xml not well-formed", "passport.xml не является корректным XML");
        ContainerBuilder invalid = new ContainerBuilder();
        invalid.annotation = "   ";
        bad.put("xsd violation", invalid.zip());
        expected.put("xsd violation", "не соответствует схеме транспортного контейнера");
        ContainerBuilder missing = new ContainerBuilder();
        missing.leaveOutDocument = true;
        bad.put("named file missing", missing.zip());
        expected.put("named file missing", "нет файла «letter.pdf», указанного в паспорте");
        ContainerBuilder tampered = new ContainerBuilder();
        tampered.declaredHash = ContainerBuilder.sha256("другое содержимое".getBytes(StandardCharsets.UTF_8));
        bad.put("hash mismatch", tampered.zip());
        expected.put("hash mismatch", "Контрольная сумма файла «letter.pdf» не совпадает с паспортом");
        ContainerBuilder extra = new ContainerBuilder();
        extra.extra.put("readme.txt", "лишний".getBytes(StandardCharsets.UTF_8));
        bad.put("extra file", extra.zip());
        expected.put("extra file", "«readme.txt» не указан в паспорте");
        ContainerBuilder traversal = new ContainerBuilder();
        traversal.extra.put("../evil.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8));
        bad.put("path traversal", traversal.zip());
        expected.put("path traversal", "Недопустимое имя файла «../evil.sh»");
        bad.put("zip bomb", ContainerBuilder.bomb(120));
        expected.put("zip bomb", "ZIP-бомбу");
        ContainerBuilder forged = new ContainerBuilder();
        forged.signedWith(TestPki.sign("другой документ".getBytes(StandardCharsets.UTF_8), manager));
        bad.put("signature does not verify", forged.zip());
        expected.put("signature does not verify", "Подпись «letter.pdf.p7s» файла «letter.pdf» не прошла проверку");
        ContainerBuilder xxe = new ContainerBuilder();
        xxe.doctype = "<!DOCTYPE container [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
        bad.put("doctype", xxe.zip());
        expected.put("doctype", "DOCTYPE");
        ContainerBuilder undeclared = new ContainerBuilder();
        undeclared.declaration = "<?xml version=\"1.0\"?>";
        bad.put("no encoding", undeclared.zip());
        expected.put("no encoding", "не указана кодировка");

        for (Map.Entry<String, byte[]> container : bad.entrySet()) {
            Map<String, Long> before = counts();
            ResponseEntity<JsonNode> refused = importContainer("alt-registrar", container.getValue(), null);
            String why = container.getKey() + ": " + refused.getBody();
            assertThat(refused.getStatusCode().value()).as(why).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType().toString()).as(why).startsWith("application/problem+json");
            assertThat(refused.getBody().get("detail").asText()).as(why).contains(expected.get(container.getKey()));
            assertThat(counts()).as(why + ": nothing created").isEqualTo(before);
        }
        // A good one from the same builder passes: the refusals were about what each one broke.
        ResponseEntity<JsonNode> good = importContainer("alt-registrar", plain(), null);
        assertThat(good.getStatusCode().value()).as(String.valueOf(good.getBody())).isEqualTo(201);
    }

    @Test
    void containersAndNotificationsStayWithinTheImportersOrganization() {
        Map<String, Long> before = counts();
        assertThat(importContainer("alt-registrar", plain(), "DEMO").getStatusCode().value()).isEqualTo(403);
        assertThat(importContainer("alt-executor", plain(), null).getStatusCode().value()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);
        // Technical support imports into the organization it names.
        ResponseEntity<JsonNode> bySupport = importContainer("support", plain(), SecondOrganization.CODE);
        assertThat(bySupport.getStatusCode().value()).as(String.valueOf(bySupport.getBody())).isEqualTo(201);
        long card = bySupport.getBody().get("documentId").asLong();
        assertThat(jdbc.queryForObject("SELECT o.code FROM document d JOIN organization o ON o.id = d.organization_id WHERE d.id = ?",
                String.class, card)).isEqualTo(SecondOrganization.CODE);
        assertThat(Http.as(port, "registrar").get().uri("/api/documents/{id}", card).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);

        // The committee's notification about it is the committee's: the ministry can neither export nor import it.
        ProcessInstance arrival = exchange.arrival(bySupport.getBody().get("packageId").asLong());
        driver.complete(driver.task(arrival, "Task_ConsiderArrival"), "alt-registrar", Map.of("arrivalDecision", "refuse",
                "refusalReason", "Не наш вопрос"));
        long notice = jdbc.queryForObject("SELECT id FROM exchange_notice WHERE package_id = ?", Long.class,
                bySupport.getBody().get("packageId").asLong());
        assertThat(Http.as(port, "registrar").get().uri("/api/exchange/notices/{id}/container", notice).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
        byte[] container = Http.as(port, "alt-registrar").get().uri("/api/exchange/notices/{id}/container", notice).retrieve()
                .body(byte[].class);
        Map<String, Long> unchanged = counts();
        ResponseEntity<JsonNode> foreign = importNotice("registrar", container);
        assertThat(foreign.getStatusCode().value()).isEqualTo(400);
        assertThat(foreign.getBody().get("detail").asText()).contains("нет среди отправленных вашей организацией");
        assertThat(counts()).isEqualTo(unchanged);
    }

    private byte[] plain() {
        return new ContainerBuilder().zip();
    }

    private ResponseEntity<JsonNode> importContainer(String user, byte[] container, String organization) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("container", resource("container.zip", container));
        if (organization != null) {
            body.add("organization", organization);
        }
        return Http.as(port, user).post().uri("/api/exchange/containers").contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> importNotice(String user, byte[] container) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("container", resource("notification.zip", container));
        return Http.as(port, user).post().uri("/api/exchange/notices").contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class)));
        return counts;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static ByteArrayResource resource(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
