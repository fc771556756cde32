package dev.aicarbon.service.security;

import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Signs tokens with the local key, for the embedded default's admin token, the {@code token}
 * command and the tests. A deployment behind an identity provider gets its tokens there.
 */
public final class TokenMinter {

    private final PrivateKey key;
    private final String issuer;
    private final String projectsClaim;

    public TokenMinter(PrivateKey key, String issuer, String projectsClaim) {
        this.key = key;
        this.issuer = issuer;
        this.projectsClaim = projectsClaim;
    }

    /**
     * A signed JWT for {@code subject} with one role and, for a project viewer, the projects it
     * may read.
     *
     * @param timeToLive from now; the token is refused after it
     */
    public String mint(String subject, String role, Collection<String> projects, Duration timeToLive) {
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role + "; expected one of " + Roles.ALL);
        }
        if (role.equals(Roles.PROJECT_VIEWER) && projects.isEmpty()) {
            throw new IllegalArgumentException("a project-viewer token needs at least one project");
        }

        return Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .claim(projectsClaim, List.copyOf(projects))
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(timeToLive)
                .sign(key);
    }
}
