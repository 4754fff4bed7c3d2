package org.opencg.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromium-driver (PLATFORM-NOTES 10: the flags it needs as root), on
 * the test server's portal; screenshots of the pages go to target/screenshots, to be looked at.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    /** Where the browser saves what it downloads. */
    final Path downloads;

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = profile.resolve("downloads");
    }

    static Browser start() throws IOException {
        Path profile = Files.createTempDirectory("chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                profile.resolve("downloads").toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return new Browser(driver, profile);
    }

    void open(String path) {
        driver.get(TestServer.HTTP + path);
    }

    /** Waits (up to 10 s) for an element to be visible. */
    WebElement visible(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page's text contains {@code text}; if it never does, keeps a screenshot and says what it had. */
    void sees(String text) throws IOException {
        try {
            // A form posted without AJAX loads a new page meanwhile: the body read a moment ago may be gone.
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-waiting");
            throw new AssertionError("no '" + text + "' on " + driver.getCurrentUrl() + ":\n" + text(), e);
        }
    }

    void type(String id, String text) {
        WebElement field = visible(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id(id)))
                .click();
    }

    void signIn(String user, String password) {
        open("/portal/");
        type("signIn:username", user);
        type("signIn:password", password);
        click("signIn:signInButton");
        visible(By.id("signedInAs"));
    }

    void signOut() {
        click("signOut:signOutButton");
        visible(By.id("signIn:username"));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Waits (up to 10 s) for a condition on the page, through elements an AJAX update replaced meanwhile. */
    void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Waits (up to 10 s) for a finished download of this name and returns its text. */
    String downloaded(String name) throws Exception {
        Path file = downloads.resolve(name);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return Files.readString(file);
    }

    /** Types on the keyboard, into whatever has the focus (as a person would: no element is picked first). */
    void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    /** The element that has the keyboard's focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * The ids of the visible fields a screen reader would announce without a name: no {@code <label for>}, no
     * enclosing label, no {@code aria-label} or {@code aria-labelledby} (PrimeFaces' hidden inputs behind its own
     * widgets are not fields a person reaches).
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> unlabelledFields() {
        return (java.util.List<String>) driver.executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(f => f.type !== 'hidden' && f.offsetParent !== null)
                  .filter(f => !(f.labels && f.labels.length) && !f.getAttribute('aria-label')
                               && !f.getAttribute('aria-labelledby'))
                  .map(f => f.id || f.name);""");
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
