package dev.aicarbon.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code token} command, run as the main method runs it, on a key directory of its own. */
class TokenCommandTest {

    @TempDir
    Path keys;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int run(String... args) {
        return new TokenCommand(keys, "carbon-local", "projects").execute(args);
    }

    private String claims() {
        String token = out.toString(StandardCharsets.UTF_8).strip();
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void printsAViewerTokenNamingItsRoleAndProjects() {
        LocalSigningKey.ensure(keys);

        int exit = run("--role", "project-viewer", "--project", "llm-pretrain", "--project", "recsys",
                "--subject", "maria", "--ttl", "PT1H");

        assertThat(exit).isZero();
        assertThat(claims())
                .contains("\"groups\":[\"project-viewer\"]")
                .contains("\"projects\":[\"llm-pretrain\",\"recsys\"]")
                .contains("\"sub\":\"maria\"")
                .contains("\"iss\":\"carbon-local\"");
    }

    @Test
    void failsWithoutALocalKeyAndSaysWhy() {
        int exit = run("--role", "admin");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no local signing key in " + keys);
    }

    @Test
    void refusesAnUnknownRoleAndAViewerWithoutProjects() {
        LocalSigningKey.ensure(keys);

        assertThat(run("--role", "superuser")).isEqualTo(2);
        assertThat(run("--role", "project-viewer")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown role superuser")
                .contains("a project-viewer token needs at least one project");
    }

    @Test
    void keepsTheSameKeyAcrossStarts() throws Exception {
        LocalSigningKey first = LocalSigningKey.ensure(keys);
        byte[] before = java.nio.file.Files.readAllBytes(first.publicKeyFile());

        LocalSigningKey again = LocalSigningKey.ensure(keys);

        assertThat(java.nio.file.Files.readAllBytes(again.publicKeyFile())).isEqualTo(before);
    }
}
