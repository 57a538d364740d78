package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.MsedIntegrationTest;
import ru.msed.appeal.AppealProperties;
import ru.msed.notification.Notifications;

/**
 * A citizen submits the public form at /appeal.html (with a file, and HTML in the text); the registrar finds
 * the appeal in Tasklist, sees the citizen's text as plain text, takes the task and registers it; the
 * confirmation with the registration number lands in the outbox.
 */
@MsedIntegrationTest
class PublicAppealJourneyIT {

    static final String TEXT = "<b>Жирный</b> <img src=x onerror=alert(1)> Прошу проверить начисления за отопление.";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AppealProperties properties;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;

    HeadlessChromium browser;

    @BeforeEach
    void openBrowser() throws Exception {
        jdbc.update("DELETE FROM public_submission");
        browser = HeadlessChromium.start("public-appeal");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCitizenSubmitsTheFormAndTheRegistrarRegistersItInTasklist() throws Exception {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Path scan = Files.createTempFile("skan", ".pdf");
        Files.write(scan, "%PDF-1.4\n% скан\n".getBytes(StandardCharsets.UTF_8));

        browser.driver.get("http://localhost:" + port + "/appeal.html");
        browser.wait.until(d -> new Select(d.findElement(By.id("organization"))).getOptions().size() > 1);
        new Select(browser.driver.findElement(By.id("organization"))).selectByValue("DEMO");
        browser.driver.findElement(By.id("lastName")).sendKeys("Тимофеев");
        browser.driver.findElement(By.id("firstName")).sendKeys("Тимофей");
        browser.driver.findElement(By.id("email")).sendKeys(email);
        browser.driver.findElement(By.id("postalAddress")).sendKeys("г. Демо, ул. Парковая, д. 3");
        browser.driver.findElement(By.id("text")).sendKeys(TEXT);
        assertThat(browser.driver.findElement(By.id("counter")).getText()).isEqualTo(TEXT.length() + " из 2000 символов");
        browser.driver.findElement(By.id("files")).sendKeys(scan.toAbsolutePath().toString());
        browser.driver.findElement(By.id("consent")).click();
        browser.screenshot("filled");
        // A person takes longer than the form's minimal fill time (shortened for the tests).
        Thread.sleep(properties.online().minFillTime().toMillis() + 100);
        browser.clickable(By.id("send")).click();
        WebElement result = browser.visible(By.id("result"));
        browser.wait.until(d -> !result.getText().isEmpty());
        assertThat(result.getText()).startsWith("Обращение принято");
        assertThat(browser.driver.getPageSource()).doesNotContain("onerror=alert(1)\" ");
        browser.screenshot("accepted");

        browser.logIn("http://localhost:" + port + "/camunda/app/tasklist/", "registrar");
        browser.clickable(By.partialLinkText("Входящие документы")).click();
        browser.clickable(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., 'Зарегистрировать обращение')]")).click();
        browser.clickable(By.cssSelector("button.claim")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
        browser.visible(By.cssSelector(".fjs-container"));
        browser.wait.until(d -> email.equals(fieldInput("email").getAttribute("value")));
        // The citizen's HTML is text in a disabled field: nothing of it became markup.
        WebElement text = fieldInput("appealText");
        assertThat(text.getAttribute("value")).isEqualTo(TEXT);
        assertThat(text.getAttribute("disabled")).isNotNull();
        assertThat(browser.driver.findElements(By.cssSelector(".fjs-container b, .fjs-container img"))).isEmpty();
        assertThat(fieldInput("applicantName").getAttribute("value")).isEqualTo("Тимофеев Тимофей");
        browser.screenshot("registration-form");

        browser.centre(browser.driver.findElement(By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space()='Заявление']")))
                .click();
        WebElement topic = fieldInput("topic");
        browser.centre(topic).click();
        topic.sendKeys("1153");
        browser.clickable(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '0005.0005.0056.1153')]")).click();
        WebElement summary = fieldInput("summary");
        browser.centre(summary).click();
        summary.sendKeys("О начислениях за отопление");
        browser.screenshot("registration-filled");
        browser.clickable(By.xpath("//button[normalize-space()='Complete' or normalize-space()='Завершить']")).click();

        browser.wait.until(d -> !notifications.to(email).isEmpty());
        String number = jdbc.queryForObject("SELECT d.registration_number FROM document d JOIN appeal a ON a.document_id = d.id "
                + "WHERE a.email = ?", String.class, email);
        assertThat(number).startsWith("ОГ-");
        assertThat(notifications.to(email)).singleElement().satisfies(n -> {
            assertThat(n.getSubject()).isEqualTo("Ваше обращение зарегистрировано");
            assertThat(n.getBody()).contains(number).contains("Тимофеев Тимофей");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM attachment a JOIN appeal p ON p.document_id = a.document_id "
                + "WHERE p.email = ?", Long.class, email)).isEqualTo(1);
        browser.screenshot("registered");
    }

    /** form-js puts the component id (Field_<key>_<n> in our forms) into the input's id. */
    private WebElement fieldInput(String key) {
        return browser.visible(By.xpath("//div[contains(@class,'fjs-container')]//*[(self::input or self::textarea)"
                + " and contains(@id, 'Field_" + key + "_')]"));
    }
}
