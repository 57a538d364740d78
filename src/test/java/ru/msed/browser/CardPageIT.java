package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.calendar.RussianDates;
import ru.msed.document.AttachmentService;

/**
 * The registrar in Tasklist: lands on «Входящие документы» with counts on every folder and no
 * «Create task», finds the number of a just registered document in the list and in the stamping
 * task, opens the card from the form in a new tab and reads it — Russian, names not logins,
 * dates дд.мм.гггг, the file, the resolution with its executors and reports, the history.
 */
@MsedIntegrationTest
class CardPageIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    AttachmentService attachments;
    @Autowired
    Clock clock;

    HeadlessChromium browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start("card-page");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void registrarSeesTheNumberAndReadsTheCardInRussianWithNamesAndDates() throws Exception {
        ProcessInstance instance = driver.startRegistration();
        Map<String, Object> card = ProcessDriver.validCard();
        card.put("summary", "О ходе подготовки к паводку");
        driver.complete(driver.task(instance, "Task_FillRegistrationCard"), "registrar", card);
        long documentId = driver.documentId(instance);
        String number = (String) engine.getRuntimeService().getVariable(instance.getId(), "registrationNumber");
        attachments.add(documentId, "письмо.pdf", "application/pdf", "%PDF-1.4 скан".getBytes(StandardCharsets.UTF_8), "registrar");

        login("registrar");
        // The registrar's own folder is open, every folder has its count, and there is no «Create task».
        browser.wait.until(d -> d.findElement(By.cssSelector(".task-filters .task-filter.active h4")).getText()
                .contains("Входящие документы"));
        browser.wait.until(d -> d.findElements(By.cssSelector(".task-filters .task-filter:not(.active) .msed-count")).stream()
                .allMatch(badge -> badge.getText().matches("\\d+")) && !d.findElements(By.cssSelector(".msed-count")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector(".create-task-action")))
                .allMatch(action -> !action.isDisplayed());
        By stampTask = By.xpath("//*[contains(@class,'tasks-list')]//li[.//a[contains(., 'Проставить регистрационный номер')"
                + " and contains(., '" + number + "')]]");
        WebElement stamp = browser.visible(stampTask);
        // The folder's columns: the number and the deadline as a Russian date.
        assertThat(stamp.getText()).contains(number).containsPattern("\\d{2}\\.\\d{2}\\.\\d{4}");
        browser.screenshot("incoming-folder");

        // The list re-renders as the folder counts refresh: find the link again when clicking.
        browser.wait.until(d -> {
            try {
                browser.centre(d.findElement(stampTask).findElement(By.cssSelector("a"))).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        browser.wait.until(d -> d.findElement(By.cssSelector(".fjs-container")).getText().contains("Документ зарегистрирован: № " + number));
        browser.screenshot("stamp-task");

        // The card opens from the form in a new tab; the form stays.
        String tasklist = browser.driver.getWindowHandle();
        browser.clickable(By.linkText("Карточка документа")).click();
        browser.wait.until(d -> d.getWindowHandles().size() == 2);
        List<String> windows = new ArrayList<>(browser.driver.getWindowHandles());
        windows.remove(tasklist);
        browser.driver.switchTo().window(windows.get(0));
        browser.wait.until(d -> d.getCurrentUrl().contains("/card.html?id=" + documentId));
        WebElement heading = browser.visible(By.id("number"));
        browser.wait.until(d -> !d.findElement(By.id("number")).getText().isBlank());
        assertThat(heading.getText()).isEqualTo("№ " + number + " от " + RussianDates.format(LocalDate.now(clock)));
        String page = browser.driver.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Входящий документ", "Реквизиты", "Корреспондент", "Администрация городского округа Демо",
                "О ходе подготовки к паводку", "МЭДО / МСЭД", "Файлы", "письмо.pdf", "История", "Документ зарегистрирован",
                "Смирнова А. П.");
        assertThat(page).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContain("registrar");
        assertThat(browser.driver.findElement(By.linkText("письмо.pdf")).getAttribute("href"))
                .endsWith("/api/documents/" + documentId + "/attachments/" + attachments.list(documentId).get(0).id());
        browser.screenshot("card-registered");
        browser.driver.switchTo().window(tasklist);
        assertThat(browser.driver.findElement(By.cssSelector(".fjs-container")).getText()).contains(number);

        // Later: a resolution with a co-executor, their contribution and the report — all by name.
        driver.complete(driver.task(instance, "Task_StampNumber"), "registrar", Map.of());
        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant",
                ProcessDriver.resolution("executor1", List.of("executor2"), true));
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor2"), "executor2",
                Map.of("reportText", "Сведения о готовности сил и средств"));
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1",
                Map.of("reportText", "Доклад о готовности направлен"));
        browser.driver.get("http://localhost:" + port + "/card.html?id=" + documentId);
        browser.wait.until(d -> d.findElement(By.id("resolutions")).getText().contains("Доклад о готовности направлен"));
        String executed = browser.driver.findElement(By.tagName("body")).getText();
        assertThat(executed).contains("Ответственный исполнитель: Иванов И. И.", "соисполнители: Соколова Е. В.",
                "Сведения о готовности сил и средств", "Информация соисполнителя", "Отчёт об исполнении",
                "утвердил(а): Петров С. Н.", "Проект: Кузнецова М. И.", "срок: " + RussianDates.format(
                        LocalDate.parse((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                                .processInstanceId(driver.considerationId(instance)).variableName("deadline").singleResult()
                                .getValue())));
        assertThat(executed).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                .doesNotContain("executor1", "executor2", "assistant", "manager");
        browser.screenshot("card-executed");
        // Printable: the buttons are not printed.
        assertThat(browser.driver.executeScript(
                "return [...document.styleSheets].some(s => [...s.cssRules].some(r => r.media && r.media.mediaText === 'print'))"))
                .isEqualTo(true);
    }

    private void login(String user) {
        browser.logIn("http://localhost:" + port + "/camunda/app/tasklist/", user);
        browser.visible(By.cssSelector(".task-filters .task-filter"));
    }
}
