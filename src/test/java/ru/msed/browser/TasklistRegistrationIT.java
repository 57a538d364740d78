package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.MsedIntegrationTest;

/**
 * The registrar's journey in Camunda Tasklist: log in, start «Регистрация входящего документа»,
 * fill the registration card in its Camunda Form, complete it; the assistant's task follows.
 */
@MsedIntegrationTest
class TasklistRegistrationIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    HeadlessChromium browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start("tasklist-registration");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void registrarRegistersAnIncomingDocumentInTasklist() throws Exception {
        browser.logIn("http://localhost:" + port + "/camunda/app/tasklist/", "registrar");
        browser.clickable(By.cssSelector(".start-process-action a, a.start-process-action"));
        browser.screenshot("logged-in");

        browser.clickable(By.cssSelector(".start-process-action a, a.start-process-action")).click();
        browser.clickable(By.partialLinkText("Регистрация входящего документа")).click();
        // The Russian start form explains what follows and asks nothing; then «Запустить».
        browser.visible(By.xpath("//*[contains(@class,'modal-body')]//*[contains(., 'Ничего вводить здесь не нужно')]"));
        browser.screenshot("start-dialog");
        browser.clickable(By.cssSelector(".modal-footer .btn-primary")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
        browser.driver.navigate().refresh();

        browser.clickable(By.xpath(
                "//*[contains(@class,'tasks-list')]//a[contains(., 'Заполнить регистрационную карточку')]")).click();
        browser.visible(By.cssSelector(".fjs-container"));
        browser.screenshot("card-form");

        // Russian format whatever the browser's locale (msed/tasklist-forms.js).
        type("receivedDate", LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        select("deliveryMethod", "Почта");
        type("correspondent", "Администрация Демонстрационного района");
        type("correspondentNumber", "01-09/15");
        type("summary", "О ремонте автомобильной дороги");
        type("sheetCount", "2");
        browser.screenshot("card-filled");

        browser.clickable(By.xpath("//button[normalize-space()='Complete' or normalize-space()='Завершить']")).click();
        browser.wait.until(d -> registeredInstance() != null
                && engine.getTaskService().createTaskQuery().processInstanceBusinessKey(registeredInstance().getBusinessKey())
                        .taskDefinitionKey("Task_DraftResolution").count() == 1);
        browser.screenshot("completed");

        HistoricProcessInstance instance = registeredInstance();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "registrationNumber").toString()).startsWith("Вх-");
    }

    private HistoricProcessInstance registeredInstance() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("incoming-document")
                .variableValueEquals("summary", "О ремонте автомобильной дороги").singleResult();
    }

    private void type(String key, String text) {
        WebElement input = fieldInput(key);
        browser.centre(input).click();
        input.sendKeys(text);
        // Closes a date picker's calendar, which would cover the next field.
        input.sendKeys(Keys.ESCAPE);
    }

    private void select(String key, String label) {
        browser.clickable(By.xpath("//div[contains(@class,'fjs-container')]//*[contains(@id, 'Field_" + key
                + "_') and contains(@class, 'fjs-select-display')]")).click();
        browser.clickable(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']"))
                .click();
    }

    /** form-js puts the component id (Field_<key>_<n> in our forms) into the input's id. */
    private WebElement fieldInput(String key) {
        return browser.visible(By.xpath("//div[contains(@class,'fjs-container')]//*[(self::input or self::textarea)"
                + " and contains(@id, 'Field_" + key + "_')]"));
    }
}
