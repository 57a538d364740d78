package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.organization.StaffAdministration;

/**
 * The MSED login in headless Chromium: organization, surname, the password an administrator
 * issued, the forced change, then Tasklist with the organization's own tasks only.
 */
@MsedIntegrationTest
class MsedLoginIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    SecondOrganization second;
    @Autowired
    StaffAdministration administration;

    HeadlessChromium browser;

    @BeforeEach
    void openBrowser() throws Exception {
        second.ensure();
        browser = HeadlessChromium.start("msed-login");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void userLogsInByOrganizationAndSurnameChangesTheIssuedPasswordAndSeesOwnTasksOnly() throws Exception {
        ProcessInstance own = driver.onExecution("demo-temp", List.of(), true);
        String ownNumber = (String) engine.getRuntimeService().getVariable(own.getId(), "registrationNumber");
        ProcessInstance foreign = driver.as("alt-registrar",
                () -> engine.getRuntimeService().startProcessInstanceByKey("incoming-document"));
        var foreignCard = ProcessDriver.validCard();
        foreignCard.put("summary", "Документ другой организации");
        driver.complete(driver.task(foreign, "Task_FillRegistrationCard"), "alt-registrar", foreignCard);
        // A draft-resolution task in each organization offered to the legal department, where demo-temp works:
        // only the tenant check keeps the other organization's one away.
        var ownCard = ProcessDriver.validCard();
        ownCard.put("summary", "Свой документ на рассмотрении");
        ProcessInstance ownDraft = driver.startRegistration();
        driver.complete(driver.task(ownDraft, "Task_FillRegistrationCard"), "registrar", ownCard);
        engine.getTaskService().addCandidateGroup(driver.task(ownDraft, "Task_DraftResolution").getId(), "dept-legal");
        engine.getTaskService().addCandidateGroup(driver.task(foreign, "Task_DraftResolution").getId(), "dept-legal");
        String temporary = driver.as("admin", () -> administration.resetPassword("admin", "demo-temp"));

        browser.driver.get("http://localhost:" + port + "/");
        // Both lists are searched as the user types: a few letters, then the suggestion.
        browser.visible(By.id("organization")).sendKeys("минциф");
        // The list is drawn again as each typed letter's answer arrives: click the option of the list shown now.
        By ministry = By.xpath("//ul[@id='organization-list']/li[@role='option'][contains(., 'Минцифры ДО')]");
        browser.wait.ignoring(StaleElementReferenceException.class).ignoring(ElementNotInteractableException.class).until(d -> {
            d.findElement(ministry).click();
            return true;
        });
        browser.wait.until(d -> d.findElement(By.id("user")).isEnabled());
        browser.driver.findElement(By.id("user")).sendKeys("Нов");
        // The list first shows the organization's first names (on focus), then the matches of what was typed.
        By options = By.cssSelector("#user-list li[role=option]");
        browser.wait.ignoring(StaleElementReferenceException.class).until(d -> {
            var shown = d.findElements(options).stream().map(WebElement::getText).toList();
            return !shown.isEmpty() && shown.stream().allMatch(text -> text.startsWith("Новиков"));
        });
        assertThat(browser.driver.findElement(By.id("user-list")).getText()).doesNotContain("demo-temp");
        browser.screenshot("suggestions");
        browser.clickable(By.xpath("//ul[@id='user-list']/li[@role='option'][starts-with(., 'Новиков')]")).click();
        assertThat(browser.driver.findElement(By.id("user")).getAttribute("value")).isEqualTo("Новиков Т. Т.");
        browser.driver.findElement(By.id("password")).sendKeys(temporary);
        browser.screenshot("login");
        browser.clickable(By.id("enter")).click();

        browser.visible(By.id("change"));
        browser.driver.findElement(By.id("new1")).sendKeys("Short1");
        browser.driver.findElement(By.id("new2")).sendKeys("Short1");
        browser.clickable(By.id("save")).click();
        browser.wait.until(d -> d.findElement(By.id("error")).getText().contains("не короче 10 символов"));
        browser.screenshot("policy-refused");

        browser.driver.findElement(By.id("new1")).clear();
        browser.driver.findElement(By.id("new1")).sendKeys("Proverka2026msed");
        browser.driver.findElement(By.id("new2")).clear();
        browser.driver.findElement(By.id("new2")).sendKeys("Proverka2026msed");
        browser.clickable(By.id("save")).click();

        browser.wait.until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist"));
        browser.clickable(By.partialLinkText("На исполнение")).click();
        WebElement task = browser.visible(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., 'Исполнить поручение')]"));
        browser.screenshot("tasklist");
        assertThat(task.getText()).contains(ownNumber);
        String allTasks = browser.driver.findElement(By.cssSelector(".tasks-list")).getText();
        browser.clickable(By.partialLinkText("На рассмотрение")).click();
        browser.visible(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., 'Свой документ на рассмотрении')]"));
        browser.screenshot("own-group-task");
        // Journals are per organization, so numbers repeat across them: tell the documents by summary.
        assertThat(browser.driver.findElement(By.cssSelector(".tasks-list")).getText())
                .doesNotContain("Документ другой организации");
        assertThat(allTasks).doesNotContain("Документ другой организации");
        assertThat(engine.getIdentityService().checkPassword("demo-temp", "Proverka2026msed")).isTrue();

        // The next visit starts with the organization this browser used last.
        browser.driver.get("http://localhost:" + port + "/");
        browser.wait.until(d -> "Минцифры ДО".equals(d.findElement(By.id("organization")).getAttribute("value")));
        assertThat(browser.driver.findElement(By.id("user")).isEnabled()).isTrue();
    }
}
