package dev.aicarbon.service.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a user drives it, and what it draws as the test reads it: each figure's
 * table (column = the CSV header, value = the exact figure in data-value), its totals, its
 * CSV download and the values its SVG bars carry.
 */
final class DashboardPage {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver browser;

    DashboardPage(ChromeDriver browser) {
        this.browser = browser;
    }

    DashboardPage open(URL root) {
        browser.get(root.toString());
        return this;
    }

    /** Types the token into the sign-in box as a person pasting it would, and submits. */
    DashboardPage signIn(String token) {
        WebElement box = browser.findElement(By.id("token"));
        box.clear();
        box.sendKeys(token);
        browser.findElement(By.id("sign-in-button")).click();
        return this;
    }

    /** Waits until the refresh last asked for is on screen. */
    DashboardPage awaitFigures() {
        new WebDriverWait(browser, PATIENCE).until(driver -> Boolean.TRUE.equals(script(
                "const b = document.body.dataset;"
                        + " return b.state === 'ready' && b.rendered !== undefined && b.rendered === b.requested;")));
        return this;
    }

    boolean signInShown() {
        return browser.findElement(By.id("sign-in")).isDisplayed();
    }

    String signInMessage() {
        return browser.findElement(By.id("sign-in-message")).getText();
    }

    String value(String inputId) {
        return browser.findElement(By.id(inputId)).getAttribute("value");
    }

    /** Sets a month input as its picker would (value, then a change event). */
    DashboardPage month(String inputId, String yearMonth) {
        script("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + " input.dispatchEvent(new Event('change', {bubbles: true}));", inputId, yearMonth);
        return awaitFigures();
    }

    DashboardPage choose(String selectId, String value) {
        new Select(browser.findElement(By.id(selectId))).selectByValue(value);
        return awaitFigures();
    }

    List<String> options(String selectId) {
        List<String> values = new ArrayList<>();
        for (WebElement option : new Select(browser.findElement(By.id(selectId))).getOptions()) {
            values.add(option.getAttribute("value"));
        }
        return values;
    }

    DashboardPage scope2(String method) {
        browser.findElement(By.cssSelector("input[name='scope2'][value='" + method + "']")).click();
        return awaitFigures();
    }

    /** The figure's table: one map per row, CSV column name to exact value, in order. */
    @SuppressWarnings("unchecked")
    List<Map<String, String>> table(String figureId) {
        Object rows = script("const table = document.querySelector(`table[data-table=\"${arguments[0]}\"]`);"
                + " if (!table) return null;"
                + " return [...table.tBodies[0].rows].map(tr => [...tr.cells].map(td =>"
                + " [td.dataset.column, td.dataset.value]));", figureId);
        if (rows == null) {
            throw new AssertionError("no figure " + figureId + " on the page; figures: " + figureIds());
        }
        List<Map<String, String>> table = new ArrayList<>();
        for (List<List<String>> cells : (List<List<List<String>>>) rows) {
            Map<String, String> row = new LinkedHashMap<>();
            cells.forEach(cell -> row.put(cell.get(0), cell.get(1)));
            table.add(row);
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    List<String> figureIds() {
        return (List<String>) script("return [...document.querySelectorAll('figure[data-chart]')]"
                + ".map(f => f.dataset.chart);");
    }

    /** The exact total written under a figure, by its key (the basis). */
    String total(String figureId, String key) {
        return (String) script("const line = document.querySelector("
                + "`figure[data-chart=\"${arguments[0]}\"] .totals[data-total=\"${arguments[1]}\"]`);"
                + " return line ? line.dataset.value : null;", figureId, key);
    }

    /** The values the SVG bars of one series carry, top to bottom. */
    @SuppressWarnings("unchecked")
    List<String> barValues(String figureId, String series) {
        return (List<String>) script("return [...document.querySelectorAll("
                + "`svg[data-chart-svg=\"${arguments[0]}\"] rect[data-series=\"${arguments[1]}\"]`)]"
                + ".map(r => r.dataset.value);", figureId, series);
    }

    /** The text of the figure's SVG (labels, legend), to see what a reader sees. */
    String chartText(String figureId) {
        return (String) script("const svg = document.querySelector(`svg[data-chart-svg=\"${arguments[0]}\"]`);"
                + " return svg ? svg.textContent : null;", figureId);
    }

    /** The CSV the figure's Download link holds, read from its blob URL. */
    String csv(String figureId) {
        Object text = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " const link = document.querySelector(`figure[data-chart=\"${arguments[0]}\"] a.download-csv`);"
                + " if (!link) { done('no download link'); return; }"
                + " fetch(link.href).then(r => r.text()).then(done, e => done('fetch failed: ' + e));", figureId);
        return (String) text;
    }

    String downloadName(String figureId) {
        return browser.findElement(By.cssSelector("figure[data-chart='" + figureId + "'] a.download-csv"))
                .getAttribute("download");
    }

    String panelState(String panelId) {
        return browser.findElement(By.id(panelId)).getAttribute("data-state");
    }

    String panelText(String panelId) {
        return browser.findElement(By.id(panelId)).getText();
    }

    /** The whole page, not only the window: DevTools can capture beyond the viewport. */
    @SuppressWarnings("unchecked")
    void screenshot(Path file) {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object script(String source, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(source, arguments);
    }
}
