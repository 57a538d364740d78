package ru.msed.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromium-driver, driven headless with nothing downloaded. Without them a
 * test is skipped, except on CI (CI=true), where that is an error. Screenshots (and the page
 * source beside them) go to {@code target/screenshots/<journey>/}.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** Set (-Dmsed.readme-pictures=true) to refresh the README's screenshots in docs/images/. */
    static final String README_PICTURES = "msed.readme-pictures";

    final ChromeDriver driver;
    final WebDriverWait wait;
    /** Where files the page downloads land. */
    final Path downloads;
    private final Path screenshots;
    private int shot;

    private HeadlessChromium(ChromeDriver driver, Path screenshots, Path downloads) {
        this.driver = driver;
        // Polled every 100 ms, not Selenium's 500: a page is usually ready in a fraction of a second, and the
        // browser tests wait some 160 times.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100)) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                return super.timeoutException(message + "\n" + pageAtTimeout(), lastException);
            }
        };
        this.screenshots = screenshots;
        this.downloads = downloads;
    }

    static HeadlessChromium start(String journey) throws IOException {
        return start(journey, "ru");
    }

    /** A browser whose language (navigator.language) is {@code language}, e.g. "en-US". */
    static HeadlessChromium start(String journey, String language) throws IOException {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("Chromium is not installed on CI: .ci/run must install chromium and chromium-driver");
        }
        assumeTrue(installed, "Chromium (" + CHROMIUM + ") or chromedriver missing: browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=" + language,
                "--user-data-dir=" + Files.createTempDirectory("msed-chromium").toAbsolutePath());
        Path downloads = Files.createTempDirectory("msed-downloads").toAbsolutePath();
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriver driver = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build(), options);
        Path screenshots = Path.of("target/screenshots", journey);
        Files.createDirectories(screenshots);
        return new HeadlessChromium(driver, screenshots, downloads);
    }

    /**
     * Logs in through the webapps' own form at {@code url} and waits until the form has gone, so that a
     * refused or lost login fails here, with the page's message, and not at the next element.
     */
    void logIn(String url, String user) {
        driver.get(url);
        By passwordField = By.cssSelector("input[ng-model=password]");
        WebElement username = visible(By.cssSelector("input[ng-model=username]"));
        WebElement password = driver.findElement(passwordField);
        // The page focuses its user field when it has loaded, which can come after the first keys were
        // typed (seen: "registrardemo" as the user): type again until each field holds its own value.
        wait.until(d -> {
            if (user.equals(username.getDomProperty("value")) && "demo".equals(password.getDomProperty("value"))) {
                return true;
            }
            retype(username, user);
            retype(password, "demo");
            return false;
        });
        password.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(passwordField));
    }

    private static void retype(WebElement field, String value) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(value);
    }

    WebElement clickable(By by) {
        return centre(wait.until(ExpectedConditions.elementToBeClickable(by)));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Tasklist's footer covers the bottom of a form: bring the element to the middle first. */
    WebElement centre(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    void screenshot(String name) throws IOException {
        File file = driver.getScreenshotAs(OutputType.FILE);
        String base = String.format("%02d-%s", ++shot, name);
        Files.copy(file.toPath(), screenshots.resolve(base + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(screenshots.resolve(base + ".html"), driver.getPageSource());
    }

    /**
     * A screenshot shown in the README: kept with the others, and written to {@code docs/images/<name>.png}
     * when the run was asked to refresh the README's pictures.
     */
    void readmePicture(String name) throws IOException {
        screenshot(name);
        if (Boolean.getBoolean(README_PICTURES)) {
            Path images = Path.of("docs/images");
            Files.createDirectories(images);
            Files.write(images.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    /** What the page showed when a wait ran out: its address, its text, and a screenshot beside the others. */
    private String pageAtTimeout() {
        try {
            screenshot("timeout");
            Object text = driver.executeScript("return document.body ? document.body.innerText : ''");
            String shown = String.valueOf(text).replaceAll("\\s+", " ").strip();
            return "Page " + driver.getCurrentUrl() + " showed: "
                    + (shown.length() > 600 ? shown.substring(0, 600) + "…" : shown);
        } catch (RuntimeException | IOException e) {
            return "The page could not be read: " + e;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
