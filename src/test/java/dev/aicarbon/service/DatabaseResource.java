package dev.aicarbon.service;

import dev.aicarbon.service.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The PostgreSQL the tests run on: a throw-away embedded server by default, or the server
 * named by the system property {@code carbon-test.jdbc-url} (user postgres, trust auth), whose
 * schema is then cleaned and migrated afresh.
 */
public class DatabaseResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase embedded;

    @Override
    public Map<String, String> start() {
        String external = System.getProperty("carbon-test.jdbc-url", "");
        if (!external.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getProperty("carbon-test.username", "postgres"),
                    "quarkus.flyway.clean-disabled", "false",
                    "quarkus.flyway.clean-at-start", "true");
        }
        embedded = EmbeddedDatabase.start(null);
        return Map.of(
                "quarkus.datasource.jdbc.url", embedded.jdbcUrl(),
                "quarkus.datasource.username", embedded.username());
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
