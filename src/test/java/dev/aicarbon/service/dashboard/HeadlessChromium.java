package dev.aicarbon.service.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through its own chromedriver. Both paths are given explicitly so
 * that Selenium Manager never looks for (or downloads) a browser or a driver.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * A fresh browser with its own profile under target/, so no state leaks between tests.
     * Fails, never skips, when chromium is not installed: a skipped E2E test reads as a pass.
     */
    static ChromeDriver start() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            fail("The dashboard's browser test needs " + BROWSER + " and " + DRIVER
                    + ": install them with `apt-get install -y chromium chromium-driver`.");
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options(profileDirectory()));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // As root in a container: no sandbox, no GPU, no /dev/shm; and nothing that calls
        // out to the network on its own (updates, sync, QUIC probes).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,2400", "--user-data-dir=" + profile);
        return options;
    }

    private static Path profileDirectory() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "chromium-profiles"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
