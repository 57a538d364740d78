package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.ExchangeDriver;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.signature.SignatureService;
import ru.msed.signature.TestPki;

/**
 * The exchange page (/exchange.html) as registrars use it with an outside system: the ministry's
 * registrar exports a signed letter's container by its card number; the committee's registrar
 * chooses that container file and uploads it, and is told where the document arrived; a file that
 * is not a container is refused with a Russian message and creates nothing.
 */
@MsedIntegrationTest
class ExchangePageIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ExchangeDriver exchange;
    @Autowired
    SecondOrganization second;
    @Autowired
    SignatureService signatures;
    @Autowired
    JdbcTemplate jdbc;

    HeadlessChromium browser;
    Path files;

    @BeforeEach
    void openBrowser() throws Exception {
        second.ensure();
        browser = HeadlessChromium.start("exchange-page");
        files = Files.createTempDirectory("msed-exchange-page");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aRegistrarExportsAContainerAndAnotherOrganizationsRegistrarUploadsIt() throws Exception {
        long documentId = signedLetter();

        login("registrar");
        browser.driver.get(url("/exchange.html"));
        browser.visible(By.id("export-id")).sendKeys(Long.toString(documentId));
        browser.clickable(By.xpath("//form[@id='export']//button")).click();
        browser.wait.until(d -> d.findElement(By.id("export-status")).getText().startsWith("Скачать"));
        assertThat(browser.driver.findElement(By.id("export-status")).getAttribute("class")).isEqualTo("ok");

        byte[] container = Http.as(port, "registrar").get().uri("/api/exchange/documents/{id}/container", documentId)
                .retrieve().body(byte[].class);
        Path zip = Files.write(files.resolve("container.zip"), container);
        Path notAContainer = Files.writeString(files.resolve("letter.zip"), "это не архив", StandardCharsets.UTF_8);

        browser.driver.manage().deleteAllCookies();
        login("alt-registrar");
        browser.driver.get(url("/exchange.html"));
        long packages = count();
        browser.visible(By.id("import-file"));
        browser.driver.findElement(By.id("import-file")).sendKeys(notAContainer.toAbsolutePath().toString());
        browser.clickable(By.xpath("//form[@id='import']//button")).click();
        browser.wait.until(d -> "error".equals(d.findElement(By.id("import-status")).getAttribute("class")));
        assertThat(browser.driver.findElement(By.id("import-status")).getText()).contains("ZIP-архив");
        assertThat(count()).isEqualTo(packages);
        browser.screenshot("refused");

        browser.driver.findElement(By.id("import-file")).clear();
        browser.driver.findElement(By.id("import-file")).sendKeys(zip.toAbsolutePath().toString());
        browser.clickable(By.xpath("//form[@id='import']//button")).click();
        browser.wait.until(d -> d.findElement(By.id("import-status")).getText().startsWith("Документ поступил"));
        String link = browser.driver.findElement(By.cssSelector("#import-status a")).getAttribute("href");
        long arrived = Long.parseLong(link.substring(link.indexOf("id=") + 3));
        assertThat(count()).isEqualTo(packages + 1);
        assertThat(jdbc.queryForObject("SELECT o.code FROM document d JOIN organization o ON o.id = d.organization_id WHERE d.id = ?",
                String.class, arrived)).isEqualTo(SecondOrganization.CODE);
        browser.screenshot("arrived");
    }

    /** A letter of the ministry with the manager's enhanced signature, registered: what a container carries. */
    private long signedLetter() throws Exception {
        TestPki.Issued root = TestPki.root("Тестовый УЦ страницы обмена", TestPki.Algorithm.GOST_256);
        TestPki.Issued manager = TestPki.person(root, "Петров", "Сергей Николаевич", false);
        Path trusted = Files.createDirectories(Path.of("target/test-trust/trusted"));
        Files.writeString(trusted.resolve("exchange-page-root.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        byte[] letter = ("%PDF-1.4 письмо для внешней системы " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        ProcessInstance outgoing = exchange.drafted(ExchangeDriver.DEMO, List.of(), null, letter);
        long documentId = driver.documentId(outgoing);
        byte[] cms = TestPki.sign(letter, manager);
        driver.as("manager", () -> signatures.signEnhanced(documentId, "manager", cms));
        driver.complete(driver.task(outgoing, "Task_SignDocument"), "manager", Map.of("signed", true));
        return documentId;
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM exchange_package", Long.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void login(String user) {
        browser.logIn(url("/camunda/app/tasklist/"), user);
        browser.visible(By.cssSelector(".task-filters .task-filter"));
    }
}
