package dev.flowrules.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground in a real browser: Debian's headless Chromium driven through its chromedriver. Edits a rule,
 * sees the problem appear at its line, fixes it, tries a message and reads the outcome. In CI (CI=true) a
 * missing browser fails the test; elsewhere it is skipped with a message. The screenshot goes to
 * target/playground*.png (docs/playground*.png are copies).
 */
class PlaygroundBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path temp;

    @Test
    void editSeeTheProblemFixItAndTryAMessage() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI needs " + CHROMIUM + " and " + CHROMEDRIVER + " (.ci/run installs the chromium and chromium-driver packages)");
        }
        assumeTrue(present, "skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is missing (apt-get install chromium chromium-driver); in CI this test fails instead");

        Path dir = Files.createDirectories(temp.resolve("rules"));
        Files.writeString(dir.resolve("chat.yaml"), PlaygroundTest.RULE);
        Files.writeString(dir.resolve("chat.test.yaml"), PlaygroundTest.TESTS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()) // never Selenium Manager: nothing is downloaded
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(temp.resolve("profile")));
        try (Playground playground = Playground.start(dir, 0)) {
            WebDriver browser = new ChromeDriver(service, options);
            try {
                run(browser, playground.url());
            } finally {
                browser.quit();
                service.stop();
            }
        }
    }

    private static void run(WebDriver browser, String url) throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(url);
        WebElement status = browser.findElement(By.id("status"));
        wait.until(b -> status.getText().equals("no problems"));
        assertThat(browser.findElement(By.id("tests")).getText()).contains("1 passed, 0 failed");

        // A typo on line 5: 'content' becomes 'contnet'.
        WebElement editor = browser.findElement(By.id("editor"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
        for (int i = 0; i < 4; i++) {
            editor.sendKeys(Keys.DOWN);
        }
        editor.sendKeys(Keys.HOME);
        for (int i = 0; i < "      cont".length(); i++) {
            editor.sendKeys(Keys.RIGHT);
        }
        editor.sendKeys(Keys.DELETE, Keys.DELETE, "ne");
        wait.until(b -> status.getText().startsWith("1 error(s)"));
        WebElement problem = browser.findElement(By.cssSelector("#diagnostics li.error"));
        assertThat(problem.getText()).startsWith("line 5, column 7: error: unknown field 'contnet' [FR006]")
                .contains("hint: did you mean 'content'?");
        assertThat(browser.findElement(By.cssSelector("#backdrop div[data-line='5']")).getAttribute("class")).isEqualTo("err");
        assertThat(browser.findElement(By.cssSelector("#gutter .err")).getText()).isEqualTo("5");
        screenshot(browser, "playground-problem.png");
        browser.findElement(By.id("save")).click();
        wait.until(b -> b.findElement(By.id("save-status")).getText().equals("not saved: the rules have errors"));

        // The fix: a click on the problem puts the caret at it (line 5, column 7); back to 'content'.
        browser.findElement(By.cssSelector("#diagnostics li.error")).click();
        editor.sendKeys(Keys.RIGHT, Keys.RIGHT, Keys.RIGHT, Keys.RIGHT, Keys.DELETE, Keys.DELETE, "en");
        wait.until(b -> status.getText().equals("no problems"));
        assertThat(browser.findElement(By.cssSelector("#diagnostics li")).getText()).isEqualTo("no problems in chat.yaml");

        browser.findElement(By.id("content")).sendKeys("here is my password");
        browser.findElement(By.id("attributes")).sendKeys("team=support");
        browser.findElement(By.id("try")).click();
        WebElement verdict = browser.findElement(By.id("verdict"));
        wait.until(b -> verdict.getText().startsWith("Denied"));
        assertThat(verdict.getText()).isEqualTo("Denied by rule no-passwords (no passwords): the message is deleted and nobody receives it.");
        assertThat(browser.findElement(By.id("explanation")).getText()).contains("rule no-passwords (chat.yaml:3:5) matched:");
        assertThat(browser.findElement(By.id("request")).getText()).contains("\"DeleteResource\": true");
        screenshot(browser, "playground.png");

        // A ready Lex answer fills the form.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sample"))).selectByValue("lex-card");
        assertThat(browser.findElement(By.id("content-type")).getAttribute("value")).isEqualTo("application/amz-chime-lex-msgs");
        browser.findElement(By.id("try")).click();
        wait.until(b -> verdict.getText().startsWith("Delivered"));
        assertThat(browser.findElement(By.id("delivered")).getText()).contains("content type: \"application/amz-chime-lex-msgs\"");
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
