package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.ExchangeDriver;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;

/**
 * A letter of the ministry (DEMO) delivered to the committee (ALT): the committee's registrar finds
 * «Поступил по МСЭД» in «Входящие документы», opens it, sees the sender's requisites and the signature
 * check prefilled, adds the number of sheets and registers it in Tasklist; the ministry's author then
 * reads «Документ зарегистрирован» with the committee's number on the card page.
 */
@MsedIntegrationTest
class ExchangeArrivalIT {

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
    DocumentService documents;

    HeadlessChromium browser;

    @BeforeEach
    void openBrowser() throws Exception {
        second.ensure();
        browser = HeadlessChromium.start("exchange-arrival");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theRecipientsRegistrarRegistersTheArrivedLetterInTasklistAndTheSenderSeesItRegistered() throws Exception {
        ProcessInstance sent = exchange.sent(ExchangeDriver.DEMO, List.of(SecondOrganization.CODE), null);
        exchange.deliver(sent);
        long sentId = driver.documentId(sent);
        Document letter = documents.document(sentId);
        ProcessInstance arrived = exchange.arrival(exchange.packageId(sent, SecondOrganization.CODE));
        long arrivedId = driver.documentId(arrived);
        String sender = (String) engine.getRuntimeService().getVariable(arrived.getId(), "correspondent");

        login("alt-registrar");
        browser.wait.until(d -> d.findElement(By.cssSelector(".task-filters .task-filter.active h4")).getText()
                .contains("Входящие документы"));
        By arrival = By.xpath("//*[contains(@class,'tasks-list')]//li[.//a[contains(., 'Поступил по МСЭД')"
                + " and contains(., '" + letter.getRegistrationNumber() + "')]]");
        browser.wait.until(d -> d.findElement(arrival).getText().contains("Министерство"));
        browser.screenshot("incoming-folder");
        // The list re-renders as the folder counts refresh: find the link again when clicking.
        browser.wait.until(d -> {
            try {
                browser.centre(d.findElement(arrival).findElement(By.cssSelector("a"))).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });

        browser.wait.until(d -> d.findElement(By.cssSelector(".fjs-container")).getText().contains("Проверка подписей"));
        String form = browser.driver.findElement(By.cssSelector(".fjs-container")).getText();
        assertThat(form).contains("Поступил по МСЭД", "Отправитель: " + sender, "исх. № " + letter.getRegistrationNumber(),
                "простая электронная подпись отправителя");
        assertThat(fieldInput("correspondent").getAttribute("value")).isEqualTo(sender);
        assertThat(fieldInput("correspondentNumber").getAttribute("value")).isEqualTo(letter.getRegistrationNumber());
        assertThat(fieldInput("summary").getAttribute("value")).isEqualTo(letter.getSummary());
        browser.screenshot("arrival-form");

        browser.clickable(By.cssSelector("button.claim")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty()
                && d.findElements(By.cssSelector(".disabled-form")).isEmpty());
        WebElement sheets = fieldInput("sheetCount");
        browser.centre(sheets).click();
        sheets.sendKeys("2");
        browser.screenshot("arrival-filled");
        browser.clickable(By.xpath("//button[normalize-space()='Complete' or normalize-space()='Завершить']")).click();
        browser.wait.until(d -> documents.document(arrivedId).getRegistrationNumber() != null);
        String registered = documents.document(arrivedId).getRegistrationNumber();
        assertThat(registered).startsWith("Вх-");
        assertThat(documents.document(arrivedId).getSheetCount()).isEqualTo(2);
        browser.screenshot("registered");

        // The application delivers «зарегистрирован» to the ministry; its author reads it on the card.
        exchange.deliverNotices();
        browser.driver.manage().deleteAllCookies();
        login("executor1");
        browser.driver.get("http://localhost:" + port + "/card.html?id=" + sentId);
        browser.wait.until(d -> d.findElement(By.id("exchange")).getText().contains("Документ зарегистрирован"));
        String exchangeSection = browser.driver.findElement(By.id("exchange")).getText();
        assertThat(exchangeSection).contains("(" + SecondOrganization.CODE + "): Документ зарегистрирован", "№ " + registered, "Отправлен",
                "Доставлен");
        browser.centre(browser.driver.findElement(By.id("exchange")));
        browser.screenshot("sender-card");
    }

    private void login(String user) {
        browser.logIn("http://localhost:" + port + "/camunda/app/tasklist/", user);
        browser.visible(By.cssSelector(".task-filters .task-filter"));
    }

    /** form-js puts the component id (Field_<key>_<n> in our forms) into the input's id. */
    private WebElement fieldInput(String key) {
        return browser.visible(By.xpath("//div[contains(@class,'fjs-container')]//*[(self::input or self::textarea)"
                + " and contains(@id, 'Field_" + key + "_')]"));
    }
}
