package dev.aicarbon.service.security;

import dev.aicarbon.service.config.CarbonConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is asking, as far as project visibility goes: admins and analysts see every project; a
 * project viewer sees only the projects its token names.
 *
 * <p>A project outside a viewer's list is answered as if it did not exist (404), so a viewer
 * cannot even learn which other projects there are.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    @Inject
    CarbonConfig config;

    /** The projects this caller is limited to, or empty when it may read every project. */
    public Optional<Set<String>> projectScope() {
        if (token.getGroups().contains(Roles.ADMIN) || token.getGroups().contains(Roles.ANALYST)) {
            return Optional.empty();
        }
        Object claim = token.getClaim(config.security().projectsClaim());
        Set<String> projects = new TreeSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> projects.add(unquoted(String.valueOf(value))));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value -> projects.add(unquoted(value.toString())));
        }
        return Optional.of(projects);
    }

    public boolean mayRead(String project) {
        return projectScope().map(projects -> projects.contains(project)).orElse(true);
    }

    /** Refuses, as not found, a project this caller may not read. */
    public void requireProject(String project) {
        if (!mayRead(project)) {
            throw new NotFoundException("no project " + project);
        }
    }

    /** Whether the caller sees whole-account figures, buckets included. */
    public boolean seesAllProjects() {
        return projectScope().isEmpty();
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
