package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.MsedIntegrationTest;

/**
 * The registrar's journey in Camunda Tasklist, in headless Chromium (Debian's chromium and
 * chromium-driver; nothing is downloaded): log in, start «Регистрация входящего документа»,
 * fill the registration card in its Camunda Form, complete it; the assistant's task follows.
 * Without Chromium the test is skipped, except on CI (CI=true), where that is an error.
 */
@MsedIntegrationTest
class TasklistRegistrationIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    ChromeDriver browser;
    WebDriverWait wait;
    Path screenshots = Path.of("target/screenshots");
    int shot;

    @BeforeEach
    void openBrowser() throws Exception {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("Chromium is not installed on CI: .ci/run must install chromium and chromium-driver");
        }
        assumeTrue(installed, "Chromium (" + CHROMIUM + ") or chromedriver missing: browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=ru",
                "--user-data-dir=" + Files.createTempDirectory("msed-chromium").toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build(),
                options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(screenshots);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void registrarRegistersAnIncomingDocumentInTasklist() throws Exception {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
                .sendKeys("registrar");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a, a.start-process-action")));
        screenshot("logged-in");

        browser.findElement(By.cssSelector(".start-process-action a, a.start-process-action")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Регистрация входящего документа"))).click();
        screenshot("start-dialog");
        // A process without a start form starts from the dialog's «Start» button.
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".modal-footer .btn-primary"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
        screenshot("started");
        browser.navigate().refresh();

        // The new task is the registrar's own: open it from the list.
        WebElement taskInList = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., 'Заполнить регистрационную карточку')]")));
        taskInList.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        screenshot("card-form");

        // The date picker takes the browser locale's format (en-US in headless Chromium).
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        type("receivedDate", today);
        select("deliveryMethod", "Почта");
        type("correspondent", "Администрация Демонстрационного района");
        type("correspondentNumber", "01-09/15");
        type("summary", "О ремонте автомобильной дороги");
        type("sheetCount", "2");
        screenshot("card-filled");

        centre(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Complete' or normalize-space()='Завершить']")))).click();
        wait.until(d -> registeredInstance() != null
                && engine.getTaskService().createTaskQuery().processInstanceId(registeredInstance().getId())
                        .taskDefinitionKey("Task_DraftResolution").count() == 1);
        screenshot("completed");

        HistoricProcessInstance instance = registeredInstance();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "registrationNumber").toString()).startsWith("Вх-");
    }

    private HistoricProcessInstance registeredInstance() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("incoming-document")
                .variableValueEquals("summary", "О ремонте автомобильной дороги").singleResult();
    }

    private void type(String key, String text) {
        WebElement input = fieldInput(key);
        centre(input).click();
        input.sendKeys(text);
        // Closes a date picker's calendar, which would cover the next field.
        input.sendKeys(Keys.ESCAPE);
    }

    private void select(String key, String label) throws Exception {
        centre(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-container')]//*[contains(@id, 'Field_" + key + "_') and contains(@class, 'fjs-select-display')]"))))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']"))).click();
    }

    /** Tasklist's footer covers the bottom of the form: bring the element to the middle first. */
    private WebElement centre(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /** form-js puts the component id (Field_<key>_<n> in our forms) into the input's id. */
    private WebElement fieldInput(String key) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'fjs-container')]//*[(self::input or self::textarea) and contains(@id, 'Field_" + key + "_')]")));
    }

    private void screenshot(String name) throws Exception {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++shot, name)),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(screenshots.resolve(String.format("%02d-%s.html", shot, name)), browser.getPageSource());
    }
}
