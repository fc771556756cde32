package dev.aicarbon.service;

import dev.aicarbon.service.security.LocalSigningKey;
import dev.aicarbon.service.security.Roles;
import dev.aicarbon.service.security.TokenMinter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Tokens for the tests, signed with a key generated under target/ (never committed). */
public final class TestTokens {

    private static final Path KEY_DIRECTORY = Path.of("target", "test-keys").toAbsolutePath();

    private TestTokens() {
    }

    public static synchronized LocalSigningKey key() {
        return LocalSigningKey.ensure(KEY_DIRECTORY);
    }

    public static String admin() {
        return mint(Roles.ADMIN, List.of(), Duration.ofHours(1));
    }

    public static String analyst() {
        return mint(Roles.ANALYST, List.of(), Duration.ofHours(1));
    }

    public static String viewerOf(String... projects) {
        return mint(Roles.PROJECT_VIEWER, List.of(projects), Duration.ofHours(1));
    }

    public static String mint(String role, List<String> projects, Duration timeToLive) {
        return new TokenMinter(key().privateKey(), "carbon-local", "projects")
                .mint("test-" + role, role, projects, timeToLive);
    }
}
