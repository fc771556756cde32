package dev.aicarbon.service.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code close --month 2026-11} of the packaged service, run as a child process against
 * one database. Its output is collected line by line as it comes, and echoed with the
 * process's label and age, so that a test can act when a stage starts and the CI log shows
 * where a kill landed.
 *
 * <p>Closing it kills the process if it is still alive: no child outlives its test.
 */
final class CloseProcess implements AutoCloseable {

    /** A stage line of the close's progress: {@code [import  ] started}, {@code [import  ] done in 812 ms}. */
    private static final Pattern STAGE_LINE = Pattern.compile("^\\[(\\w+) *\\] (started|done in (\\d+) ms)");

    /** Small heap, and the client compiler only: a short batch on two cores starts faster so. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    private final String label;
    private final Process process;
    private final long startedNanos;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private CloseProcess(String label, Process process) {
        this.label = label;
        this.process = process;
        this.startedNanos = System.nanoTime();
        this.reader = new Thread(this::collectOutput, "close-output-" + label);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Starts a close of the packaged service {@code runnerJar} against {@code jdbcUrl}, reading
     * files from {@code inbox}; the process keeps its spooled imports in {@code tmpDir}.
     */
    static CloseProcess start(String label, Path runnerJar, String jdbcUrl, Path inbox, Path tmpDir)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.addAll(List.of("-jar", runnerJar.toString()));
        command.addAll(List.of("close", "--month", CrashMonth.MONTH.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("CARBON_CLOSE_INBOX", inbox.toString());
        return new CloseProcess(label, builder.start());
    }

    /**
     * Waits for a line of output matching {@code pattern}.
     *
     * @return the line, or empty when the process ended or {@code timeout} passed first
     */
    Optional<String> awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                // Read before the scan: a line added after it must not be missed as the output ends.
                boolean ended = !reader.isAlive();
                for (; seen < lines.size(); seen++) {
                    if (pattern.matcher(lines.get(seen)).find()) {
                        return Optional.of(lines.get(seen));
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
    }

    /** Kills the process hard (SIGKILL), as the kernel or a node failure would, and answers its exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        int exitCode = process.waitFor();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return exitCode;
    }

    /** Waits for the close to end by itself and answers its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(label + " did not end within " + timeout);
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** Time since the process was started. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Milliseconds of each stage that finished, in the order they ran. */
    Map<String, Long> stageMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (String line : lines()) {
            Matcher stage = STAGE_LINE.matcher(line);
            if (stage.find() && stage.group(3) != null) {
                millis.put(stage.group(1), Long.valueOf(stage.group(3)));
            }
        }
        return millis;
    }

    /** The stage that had started and not reported done when the output stopped, if any. */
    Optional<String> unfinishedStage() {
        String running = null;
        for (String line : lines()) {
            Matcher stage = STAGE_LINE.matcher(line);
            if (stage.find()) {
                running = stage.group(3) == null ? stage.group(1) : null;
            }
        }
        return Optional.ofNullable(running);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void collectOutput() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.printf("  %-14s %6.1f s | %s%n", label, age().toMillis() / 1000.0, line);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            System.out.printf("  %-14s output unreadable: %s%n", label, e.getMessage());
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }
}
