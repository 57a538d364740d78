package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;

/**
 * The Camunda webapps as the staff meet them: Russian and МСЭД-branded even in a browser whose
 * language is English, Russian dates typed into a Camunda Form arrive as that very date, Cockpit
 * in Russian for a controller, English on request.
 */
@MsedIntegrationTest
class RussianWebappsIT {

    private static final String REQUIRED = "Поле обязательно для заполнения.";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;

    HeadlessChromium browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void applicationServesItsOwnConfigAndRussianLocaleOverTheWebjars() {
        RestClient http = Http.anonymous(port);
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            ResponseEntity<String> config = http.get().uri("/camunda/app/{app}/scripts/config.js", app)
                    .retrieve().toEntity(String.class);
            assertThat(config.getStatusCode().value()).as(app).isEqualTo(200);
            assertThat(config.getBody()).as(app).contains("locales: webappLocales()");
            ResponseEntity<JsonNode> russian = http.get().uri("/camunda/app/{app}/locales/ru.json", app)
                    .retrieve().toEntity(JsonNode.class);
            assertThat(russian.getStatusCode().value()).as(app).isEqualTo(200);
            assertThat(russian.getBody().path("labels").size()).as(app).isGreaterThan(100);
        }
        JsonNode tasklist = http.get().uri("/camunda/app/tasklist/locales/ru.json").retrieve().body(JsonNode.class);
        assertThat(tasklist.path("labels").path("CLAIM_TASK").asText()).isEqualTo("Взять в работу");
    }

    @Test
    void registrarWorksInRussianFromAnEnglishBrowserAndRussianDatesKeepTheirMeaning() throws Exception {
        browser = HeadlessChromium.start("russian-tasklist", "en-US");
        logIn("/camunda/app/tasklist/", "registrar");
        WebElement startProcess = browser.clickable(By.cssSelector(".start-process-action a, a.start-process-action"));
        browser.wait.until(d -> "МСЭД · Задачи".equals(d.getTitle()));
        assertThat(browser.driver.executeScript("return navigator.language")).isEqualTo("en-US");
        assertThat(startProcess.getText()).contains("Запустить процесс");
        browser.visible(By.cssSelector("input[placeholder='Поиск задач']"));
        assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner"))).allMatch(banner -> !banner.isDisplayed());
        assertThat(browser.driver.findElements(By.cssSelector(".navbar-brand .brand-logo svg")))
                .allMatch(logo -> !logo.isDisplayed());
        assertThat(pageText()).contains("Горячие клавиши").doesNotContain("Start process", "Keyboard Shortcuts",
                "Create task", "It is time to migrate");
        browser.screenshot("tasklist");

        Set<String> before = registrations();
        startProcess.click();
        browser.clickable(By.partialLinkText("Регистрация входящего документа")).click();
        WebElement start = browser.clickable(By.cssSelector(".modal-footer .btn-primary"));
        assertThat(start.getText()).isEqualTo("Запустить");
        browser.screenshot("start-dialog");
        start.click();
        browser.wait.until(d -> registrations().size() == before.size() + 1);
        String instanceId = registrations().stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
        String documentId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult().getBusinessKey();

        openTask(driver.task(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult(), "Task_FillRegistrationCard"));
        browser.wait.until(d -> d.findElement(By.cssSelector(".tasks-list")).getText().contains("Срок через"));
        assertThat(browser.driver.findElement(By.cssSelector(".tasks-list")).getText())
                .doesNotContain("Due in", "ago");

        // Empty required fields: form-js's messages in Russian.
        complete();
        browser.wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .anyMatch(error -> error.getText().equals(REQUIRED)));
        assertThat(pageText()).doesNotContain("Field is required");
        browser.screenshot("required-fields");

        // A date that does not exist is refused in Russian and leaves the field empty.
        WebElement received = dateInput("receivedDate");
        WebElement correspondentDate = dateInput("correspondentDate");
        assertThat(received.getAttribute("placeholder")).isEqualTo("дд.мм.гггг");
        type(correspondentDate, "31.02.2026");
        browser.centre(received).click();
        WebElement refusal = browser.visible(By.cssSelector(".msed-date-refusal"));
        assertThat(refusal.getText()).isEqualTo("Даты 31.02.2026 нет в календаре. Введите существующую дату в формате дд.мм.гггг.");
        assertThat(correspondentDate.getAttribute("value")).isEmpty();
        browser.screenshot("date-refused");

        // Days above 12 would be months in the US format the browser's locale gives form-js.
        type(received, "30.11.2026");
        browser.centre(correspondentDate).click();
        type(correspondentDate, "13.11.2026");
        select("deliveryMethod", "Почта");
        browser.wait.until(d -> "30.11.2026".equals(received.getAttribute("value"))
                && "13.11.2026".equals(correspondentDate.getAttribute("value")));
        assertThat(browser.driver.findElements(By.cssSelector(".msed-date-refusal"))).isEmpty();
        typeText("correspondent", "Администрация Демонстрационного района");
        typeText("correspondentNumber", "01-09/30");
        typeText("summary", "О графике приёма граждан в декабре");
        typeText("sheetCount", "3");
        assertThat(received.getAttribute("value")).isEqualTo("30.11.2026");
        browser.screenshot("card-filled");

        complete();
        browser.wait.until(d -> !engine.getTaskService().createTaskQuery().processInstanceBusinessKey(documentId)
                .taskDefinitionKey("Task_DraftResolution").list().isEmpty());
        JsonNode card = Http.as(port, "registrar").get().uri("/api/documents/{id}", documentId)
                .retrieve().body(JsonNode.class);
        assertThat(card.path("receivedDate").asText()).isEqualTo("2026-11-30");
        assertThat(card.path("correspondentDate").asText()).isEqualTo("2026-11-13");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName("receivedDate").singleResult().getValue()).isEqualTo("2026-11-30");

        // The assistant's Tasklist, in the assistant's own browser: the group task is taken with «Взять в работу».
        browser.close();
        browser = HeadlessChromium.start("russian-tasklist-assistant", "en-US");
        logIn("/camunda/app/tasklist/", "assistant");
        browser.clickable(By.cssSelector(".start-process-action a, a.start-process-action"));
        openTask(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(documentId)
                .taskDefinitionKey("Task_DraftResolution").singleResult());
        WebElement claim = browser.clickable(By.cssSelector("button.claim"));
        assertThat(claim.getText()).isEqualTo("Взять в работу");
        browser.screenshot("claim");
        claim.click();
        browser.wait.until(d -> "assistant".equals(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(documentId)
                .taskDefinitionKey("Task_DraftResolution").singleResult().getAssignee()));
        browser.wait.until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
        browser.screenshot("claimed");
    }

    @Test
    void controllerSeesCockpitInRussianWithRussianDates() throws Exception {
        driver.startRegistration();
        browser = HeadlessChromium.start("russian-cockpit", "en-US");
        logIn("/camunda/app/cockpit/", "controller");
        browser.wait.until(d -> "МСЭД · Мониторинг | Обзор".equals(d.getTitle()));
        browser.wait.until(d -> pageText().contains("Выполняющиеся экземпляры процессов"));
        assertThat(browser.driver.findElement(By.cssSelector("[cam-widget-header]")).getText())
                .contains("МСЭД · Мониторинг", "Процессы", "Решения", "Пользовательские задачи");
        assertThat(pageText()).doesNotContain("Running Process Instances", "DASHBOARD_", "Processes");
        browser.screenshot("dashboard");

        browser.clickable(By.partialLinkText("Процессы")).click();
        browser.clickable(By.partialLinkText("Регистрация входящего документа")).click();
        browser.wait.until(d -> "МСЭД · Мониторинг | Регистрация входящего документа".equals(d.getTitle()));
        WebElement started = browser.visible(By.cssSelector("td.start-time"));
        assertThat(started.getText().strip()).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
        assertThat(pageText()).contains("Экземпляры процессов", "Время запуска", "Бизнес-ключ");
        browser.screenshot("process");
    }

    @Test
    void englishIsChosenWithLangParameterAndRememberedUntilRussianIsChosen() throws Exception {
        browser = HeadlessChromium.start("english-on-request", "ru");
        // The full address: the short one is redirected to …/default/ without its query.
        logIn("/camunda/app/tasklist/default/?lang=en", "registrar");
        WebElement startProcess = browser.clickable(By.cssSelector(".start-process-action a, a.start-process-action"));
        browser.wait.until(d -> "МСЭД · Tasklist".equals(d.getTitle()));
        assertThat(startProcess.getText()).contains("Start process");

        browser.driver.get(url("/camunda/app/welcome/"));
        browser.wait.until(d -> "МСЭД · Welcome".equals(d.getTitle()));
        browser.wait.until(d -> pageText().contains("Applications"));
        browser.screenshot("welcome-english");
        browser.clickable(By.linkText("Русский")).click();
        browser.wait.until(d -> "МСЭД · Главная".equals(d.getTitle()));
        browser.wait.until(d -> pageText().contains("Приложения"));

        browser.driver.get(url("/camunda/app/tasklist/"));
        browser.wait.until(d -> "МСЭД · Задачи".equals(d.getTitle()));
        assertThat(browser.clickable(By.cssSelector(".start-process-action a, a.start-process-action")).getText())
                .contains("Запустить процесс");
    }

    private void logIn(String path, String user) {
        browser.logIn(url(path), user);
    }

    private void openTask(Task task) {
        browser.driver.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
        browser.visible(By.cssSelector(".fjs-container"));
    }

    private void complete() {
        // A notification from an earlier attempt would cover the button; one that closed itself meanwhile is gone.
        for (WebElement close : browser.driver.findElements(By.cssSelector(".page-notifications .close"))) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (StaleElementReferenceException closedItself) {
                // nothing to close
            }
        }
        browser.centre(browser.clickable(By.xpath("//button[normalize-space()='Завершить']"))).click();
    }

    private Set<String> registrations() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("incoming-document")
                .startedBy("registrar").list().stream().map(HistoricProcessInstance::getId)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private String pageText() {
        return browser.driver.findElement(By.tagName("body")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Types like a user and closes the date picker's calendar, which would cover the next field. */
    private void type(WebElement input, String text) {
        browser.centre(input).click();
        input.sendKeys(text);
        input.sendKeys(Keys.ESCAPE);
    }

    private void typeText(String key, String text) {
        type(browser.visible(By.xpath("//div[contains(@class,'fjs-container')]//*[(self::input or self::textarea)"
                + " and contains(@id, 'Field_" + key + "_')]")), text);
    }

    private WebElement dateInput(String key) {
        return browser.visible(By.xpath("//div[contains(@class,'fjs-container')]//input[contains(@id, 'Field_" + key
                + "_') and contains(@class, 'flatpickr-input')]"));
    }

    private void select(String key, String label) {
        browser.clickable(By.xpath("//div[contains(@class,'fjs-container')]//*[contains(@id, 'Field_" + key
                + "_') and contains(@class, 'fjs-select-display')]")).click();
        browser.clickable(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']"))
                .click();
    }
}
