package ru.msed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.connection.RequestWorkbookBuilder;
import ru.msed.document.AttachmentProperties;
import ru.msed.document.AttachmentService;
import ru.msed.outgoing.OutgoingDocumentVariables;
import ru.msed.signature.TestPki;

/**
 * The application's pages in headless Chromium after the MSED login, as the demo users use them:
 * the files page (upload with progress, the list with sizes, download of the same bytes, empty and
 * too big files refused), the signing page (simple signature), the verification page (a valid and a
 * tampered signature) and the connection request page (a bad workbook's problems by row). One
 * browser for the class; a login is reused while the same person works.
 */
@MsedIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentPagesIT {

    private static final byte[] SIGNED_FILE = "%PDF-1.4 ответ на запрос".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    AttachmentService attachments;
    @Autowired
    AttachmentProperties attachmentProperties;

    HeadlessChromium browser;
    Path files;
    String loggedIn;
    TestPki.Issued root;

    @BeforeAll
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start("document-pages");
        files = Files.createTempDirectory("msed-page-files");
        // A trusted (not accredited) root: its signatures are enhanced unqualified ones.
        root = TestPki.root("Тестовый УЦ страниц МСЭД", TestPki.Algorithm.GOST_256);
        Path trusted = Path.of("target/test-trust/trusted");
        Files.createDirectories(trusted);
        Files.writeString(trusted.resolve("document-pages-root.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void registrarUploadsAScanOnTheFilesPageSeesItWithItsSizeAndDownloadsTheSameBytes() throws Exception {
        ProcessInstance registration = driver.startRegistration();
        String taskId = driver.task(registration, "Task_FillRegistrationCard").getId();
        loginAs("registrar", "Смирнова А. П.", true);

        // The registration form links to the files page (Tasklist's forms have no file picker).
        browser.visible(By.cssSelector(".task-filters .task-filter"));
        browser.driver.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        WebElement filesLink = browser.visible(By.cssSelector(".fjs-container a[href*='/attachments.html?documentId=']"));
        browser.readmePicture("tasklist-task-form");
        String tasklist = browser.driver.getWindowHandle();
        browser.centre(filesLink).click();
        followToNewTabIfOpened(tasklist);
        browser.wait.until(d -> d.getCurrentUrl().contains("/attachments.html?documentId="));
        long documentId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*documentId=(\\d+).*", "$1"));
        assertThat(documentId).isEqualTo(driver.documentId(registration));
        browser.wait.until(d -> d.findElement(By.id("empty")).isDisplayed() && !d.findElement(By.id("limit")).getText().isEmpty());
        assertThat(text("limit")).isEqualTo("Любой тип файла, не больше " + megabytes(attachmentProperties.maxSize().toBytes())
                + " каждый; имя — не длиннее 255 символов.");

        // An empty file and one over the limit are refused on the page, before anything is sent.
        choose("file", write("пустой.pdf", new byte[0]));
        submit("send");
        assertThat(message("status")).isEqualTo("Файл «пустой.pdf» пустой (0 байт): выберите файл с содержимым.");
        Path huge = files.resolve("большой скан.pdf");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(attachmentProperties.maxSize().toBytes() + 1024 * 1024);
        }
        choose("file", huge);
        submit("send");
        assertThat(message("status")).isEqualTo("Файл «большой скан.pdf» слишком большой: "
                + megabytes(attachmentProperties.maxSize().toBytes() + 1024 * 1024) + ", допускается не больше "
                + megabytes(attachmentProperties.maxSize().toBytes()) + ".");
        assertThat(attachments.list(documentId)).isEmpty();

        byte[] scan = new byte[3000];
        new Random(13).nextBytes(scan);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, scan, 0, 9);
        choose("file", write("Скан письма.pdf", scan));
        assertThat(browser.driver.findElement(By.cssSelector(".msed-file-chosen")).getText()).isEqualTo("Скан письма.pdf (2,9 КБ)");
        // What the page says while the file goes, as the user sees it change.
        browser.driver.executeScript("window.seen = []; const note = () => window.seen.push("
                + "document.getElementById('status').textContent + ' | ' + document.getElementById('percent').textContent);"
                + "new MutationObserver(note).observe(document.querySelector('main'), {subtree: true, childList: true, characterData: true});");
        submit("send");
        browser.wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Файл «Скан письма.pdf» загружен"));
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) browser.driver.executeScript("return window.seen;");
        assertThat(seen).contains("Загрузка «Скан письма.pdf»… | ",
                "Файл «Скан письма.pdf» передан, сервер сохраняет его… | 100 % (3,1 КБ из 3,1 КБ)");
        assertThat(text("status")).isEqualTo("Файл «Скан письма.pdf» загружен (2,9 КБ).");
        WebElement row = browser.visible(By.xpath("//tbody[@id='files']/tr[td/a[.='Скан письма.pdf']]"));
        assertThat(row.getText()).contains("Скан письма.pdf", "2,9 КБ", "application/pdf");
        assertThat(row.findElement(By.cssSelector("td.number")).getAttribute("title")).isEqualTo("3\u00a0000 байт");
        browser.readmePicture("files-page");

        row.findElement(By.linkText("Скан письма.pdf")).click();
        Path downloaded = browser.downloads.resolve("Скан письма.pdf");
        browser.wait.until(d -> Files.exists(downloaded) && sizeOf(downloaded) == scan.length);
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(scan);

        // Back to the task: a tab opened from the form closes, one reached in the same tab goes back.
        // (Tasklist's plugin opens form links in a new tab; the page may also have been reached in this one.)
        String filesTab = browser.driver.getWindowHandle();
        browser.clickable(By.cssSelector("button.msed-back")).click();
        browser.wait.until(d -> !d.getWindowHandles().contains(filesTab) || d.getCurrentUrl().contains("/camunda/app/tasklist/"));
        if (!browser.driver.getWindowHandles().contains(filesTab)) {
            browser.driver.switchTo().window(tasklist);
        }
        browser.wait.until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/"));
        browser.wait.until(d -> d.findElement(By.cssSelector(".fjs-container")).getText()
                .contains("Регистрационная карточка входящего документа"));

        // Opened from the form in a new tab (as the Tasklist plugin does): «Вернуться к задаче» closes that tab.
        String formTab = browser.driver.getWindowHandle();
        browser.driver.executeScript("window.open(arguments[0], '_blank', 'noopener')",
                browser.visible(By.cssSelector(".fjs-container a[href*='/attachments.html?documentId=']")).getAttribute("href"));
        browser.wait.until(d -> d.getWindowHandles().size() == 2);
        List<String> tabs = new ArrayList<>(browser.driver.getWindowHandles());
        tabs.remove(formTab);
        browser.driver.switchTo().window(tabs.get(0));
        browser.wait.until(d -> !d.findElements(By.xpath("//tbody[@id='files']/tr")).isEmpty());
        browser.clickable(By.cssSelector("button.msed-back")).click();
        browser.wait.until(d -> d.getWindowHandles().size() == 1);
        browser.driver.switchTo().window(formTab);
        assertThat(browser.driver.findElement(By.cssSelector(".fjs-container")).getText())
                .contains("Регистрационная карточка входящего документа");
    }

    @Test
    void signatoryGivesASimpleSignatureByTypingThePasswordAgainAndAnEnhancedOneWithASignatureFile() throws Exception {
        long documentId = outgoingDocumentOnSignature();
        loginAs("manager", "Петров С. Н.", false);
        browser.driver.get(url("/signing.html?documentId=" + documentId));
        browser.wait.until(d -> d.findElement(By.id("current-file")).getText().startsWith("«otvet.pdf»"));
        assertThat(text("no-signatures")).isEqualTo("Подписей пока нет.");

        submit("sign-simple");
        assertThat(message("message")).isEqualTo("Введите пароль, с которым входите в МСЭД.");
        browser.driver.findElement(By.id("password")).sendKeys("не тот пароль");
        submit("sign-simple");
        browser.wait.until(d -> d.findElement(By.id("message")).getText().startsWith("Пароль неверен"));
        assertThat(text("message")).isEqualTo("Пароль неверен: простая электронная подпись не поставлена.");

        browser.driver.findElement(By.id("password")).sendKeys("demo");
        submit("sign-simple");
        browser.wait.until(d -> d.findElement(By.id("message")).getText().startsWith("Документ подписан"));
        assertThat(text("message")).isEqualTo("Документ подписан простой электронной подписью. Вернитесь к задаче «Подписать "
                + "документ», отметьте «Документ подписан» и завершите её.");
        WebElement signature = browser.visible(By.xpath("//tbody[@id='signatures']/tr"));
        assertThat(signature.getText()).contains("Простая электронная подпись", "«otvet.pdf» — текущая версия")
                .containsPattern("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
        assertThat(browser.driver.findElement(By.id("password")).getAttribute("value")).isEmpty();

        // Enhanced: a signature of other bytes is refused with the reason; one of the current file is taken.
        TestPki.Issued manager = TestPki.person(root, "Петров", "Сергей Николаевич", false);
        choose("signature", write("otvet.pdf.sig", TestPki.sign("другой файл".getBytes(StandardCharsets.UTF_8), manager)));
        submit("sign-enhanced");
        browser.wait.until(d -> d.findElement(By.id("message")).getText().startsWith("Подпись не принята"));
        assertThat(text("message")).isEqualTo("Подпись не принята: Подпись не соответствует файлу: файл изменён после подписания "
                + "или подписан другой файл.");
        choose("signature", write("otvet.pdf.sig", TestPki.sign(SIGNED_FILE, manager)));
        submit("sign-enhanced");
        browser.wait.until(d -> d.findElement(By.id("message")).getText().startsWith("Подпись проверена"));
        assertThat(text("message")).startsWith("Подпись проверена и принята: усиленная неквалифицированная электронная подпись, "
                + "владелец сертификата Петров Сергей Николаевич.");
        browser.wait.until(d -> d.findElements(By.xpath("//tbody[@id='signatures']/tr")).size() == 2);
        assertThat(browser.driver.findElement(By.xpath("//tbody[@id='signatures']/tr[2]")).getText())
                .contains("Усиленная неквалифицированная электронная подпись", "«otvet.pdf» — текущая версия",
                        "Петров Сергей Николаевич");
        browser.readmePicture("signing-page");
    }

    @Test
    void verificationPageTellsAValidSignatureFromATamperedFile() throws Exception {
        TestPki.Issued signer = TestPki.person(root, "Соколова", "Елена Викторовна", false);
        byte[] letter = "Письмо о предоставлении сведений".getBytes(StandardCharsets.UTF_8);
        Path original = write("письмо.txt", letter);
        Path signature = write("письмо.txt.sig", TestPki.sign(letter, signer));
        Path tampered = write("письмо-изменённое.txt", "Письмо о предоставлении сведений!".getBytes(StandardCharsets.UTF_8));

        loginAs("manager", "Петров С. Н.", false);
        browser.driver.get(url("/verify.html"));
        choose("file", original);
        choose("signature", signature);
        submit("check");
        browser.wait.until(d -> !d.findElement(By.id("verdict")).getText().isEmpty());
        assertThat(text("verdict")).isEqualTo("Усиленная неквалифицированная электронная подпись действительна");
        assertThat(text("details")).contains("Владелец сертификата", "Соколова Елена Викторовна", "Действителен с",
                "Время подписания").containsPattern("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
        browser.readmePicture("verify-page");

        choose("file", tampered);
        submit("check");
        browser.wait.until(d -> d.findElement(By.id("verdict")).getText().startsWith("Подпись недействительна"));
        assertThat(text("verdict")).isEqualTo("Подпись недействительна: Подпись не соответствует файлу: файл изменён после "
                + "подписания или подписан другой файл.");
        assertThat(browser.driver.findElement(By.id("verdict")).getAttribute("class")).isEqualTo("error");
    }

    @Test
    void organizationAdministratorSeesTheProblemsOfABadWorkbookByRow() throws Exception {
        loginAs("admin", "Орлов П. А.", false);
        browser.driver.get(url("/onboarding.html"));
        Path letter = write("письмо.pdf", "%PDF-1.4 письмо руководителя".getBytes(StandardCharsets.UTF_8));

        choose("workbook", write("заявка.xls", "старый формат".getBytes(StandardCharsets.UTF_8)));
        choose("letter", letter);
        submit("send");
        assertThat(message("message")).isEqualTo("Файл «заявка.xls» не подходит: нужен файл Excel .xlsx по шаблону заявки "
                + "(старый формат .xls и другие не принимаются).");

        byte[] workbook = RequestWorkbookBuilder.changes("DEMO")
                .person("Сидоров", "Олег", null, "Специалист", "Канцелярия", null, "sidorov(at)demo", "Царь", null, "Подключить")
                .build();
        choose("workbook", write("заявка.xlsx", workbook));
        submit("send");
        browser.wait.until(d -> d.getCurrentUrl().contains("/onboarding.html?request="));
        browser.wait.until(d -> d.findElement(By.id("problems-block")).isDisplayed());
        assertThat(text("status")).isEqualTo("возвращена на исправление");
        List<String> problems = browser.driver.findElements(By.cssSelector("#problems li")).stream().map(WebElement::getText)
                .toList();
        assertThat(problems).contains("Строка 14: неверный e-mail «sidorov(at)demo».", "Строка 14: неизвестная роль «Царь».");
        assertThat(browser.driver.findElement(By.id("correct")).isDisplayed()).isTrue();
        browser.readmePicture("onboarding-problems");
    }

    /**
     * Logs in through the MSED login page (organization, surname, password) unless this person is logged in
     * already; on the first visit a wrong password first, and the README's picture of the page.
     */
    private void loginAs(String login, String name, boolean firstVisit) throws Exception {
        if (login.equals(loggedIn)) {
            return;
        }
        browser.driver.get(url("/"));
        WebElement organization = browser.visible(By.id("organization"));
        if (!"Минцифры ДО".equals(organization.getAttribute("value"))) {
            organization.sendKeys("минциф");
            // The list is drawn again as each typed letter's answer arrives: click the option of the list shown now.
            browser.wait.ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(By.xpath("//ul[@id='organization-list']/li[@role='option'][contains(., 'Минцифры ДО')]")).click();
                return true;
            });
        }
        browser.wait.until(d -> d.findElement(By.id("user")).isEnabled());
        String typed = name.substring(0, 4);
        browser.driver.findElement(By.id("user")).sendKeys(typed);
        // The list first shows the organization's first names (on focus), then the matches of what was typed.
        By options = By.cssSelector("#user-list li[role=option]");
        browser.wait.ignoring(StaleElementReferenceException.class).until(d -> {
            List<String> shown = d.findElements(options).stream().map(WebElement::getText).toList();
            return !shown.isEmpty() && shown.stream().allMatch(text -> text.startsWith(typed));
        });
        if (firstVisit) {
            browser.readmePicture("login-page");
        }
        browser.wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.xpath("//ul[@id='user-list']/li[@role='option'][starts-with(., '" + name + "')]")).click();
            return true;
        });
        if (firstVisit) {
            // The login page tells a wrong password (the shared page script keeps the server's message).
            browser.driver.findElement(By.id("password")).sendKeys("не тот пароль");
            browser.clickable(By.id("enter")).click();
            browser.wait.until(d -> d.findElement(By.id("error")).getText().equals("Неверный пароль."));
            browser.driver.findElement(By.id("password")).clear();
        }
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.clickable(By.id("enter")).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("/camunda/app/"));
        loggedIn = login;
    }

    /** A link from a form may open a new tab (the form stays) or this one: follow it either way. */
    private void followToNewTabIfOpened(String tasklist) {
        browser.wait.until(d -> d.getWindowHandles().size() > 1 || d.getCurrentUrl().contains("/attachments.html"));
        List<String> windows = new ArrayList<>(browser.driver.getWindowHandles());
        windows.remove(tasklist);
        if (!windows.isEmpty()) {
            browser.driver.switchTo().window(windows.get(0));
        }
    }

    private long outgoingDocumentOnSignature() {
        ProcessInstance instance = driver.as("executor1",
                () -> engine.getRuntimeService().startProcessInstanceByKey(OutgoingDocumentVariables.PROCESS_ID));
        long documentId = driver.documentId(instance);
        driver.as("executor1", () -> attachments.add(documentId, "otvet.pdf", "application/pdf", SIGNED_FILE, "executor1"));
        driver.complete(driver.task(instance, "Task_PrepareDraft"), "executor1", Map.of("summary",
                "Ответ на запрос о предоставлении сведений", "addressees", "Администрация городского округа Демо",
                "signatoryUser", "manager", "approvalRoute", "executor2"));
        var visa = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_GiveVisa").singleResult();
        driver.complete(visa, "executor2", Map.of("visaDecision", "approve"));
        return documentId;
    }

    /** Chooses one file, as a user does in the file dialog (a multiple input would otherwise add to the earlier choice). */
    private void choose(String input, Path file) {
        WebElement element = browser.driver.findElement(By.id(input));
        element.clear();
        element.sendKeys(file.toAbsolutePath().toString());
    }

    private void submit(String button) {
        browser.clickable(By.id(button)).click();
    }

    /** The page's message once it says something other than its progress. */
    private String message(String id) {
        browser.wait.until(d -> {
            WebElement element = d.findElement(By.id(id));
            return !element.getText().isEmpty() && !element.getAttribute("class").contains("progress");
        });
        return text(id);
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(files.resolve(name), content);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            return -1;
        }
    }

    /** As the pages show sizes: «20 МБ», «2,9 КБ». */
    private static String megabytes(long bytes) {
        double value = bytes / 1024.0 / 1024.0;
        String text = String.format(java.util.Locale.ROOT, "%.1f", value).replace('.', ',');
        return (text.endsWith(",0") ? text.substring(0, text.length() - 2) : text) + " МБ";
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
