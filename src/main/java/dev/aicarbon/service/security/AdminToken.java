package dev.aicarbon.service.security;

import dev.aicarbon.service.config.CarbonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Writes a fresh admin token for the embedded default into the data directory, readable by
 * its owner only, so that whoever runs the service locally can call its API. The log names
 * the file, never the token.
 */
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class);

    @Inject
    CarbonConfig config;

    public void write(Path file, Path keyDirectory) {
        String token = new TokenMinter(LocalSigningKey.existing(keyDirectory).privateKey(),
                config.security().localIssuer(), config.security().projectsClaim())
                .mint("local-admin", Roles.ADMIN, java.util.List.of(), config.security().adminTokenTtl());
        try {
            LocalSigningKey.OwnerOnlyFile.write(file, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token to " + file, e);
        }
        LOG.infof("Admin token (valid %s) written to %s; send it as 'Authorization: Bearer <token>'",
                config.security().adminTokenTtl(), file);
    }
}
