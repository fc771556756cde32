package dev.aicarbon.service.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code token --role analyst [--project p]... [--subject s] [--ttl PT8H]}: prints a token
 * signed with the data directory's local key, for local use and scripts. Runs without
 * starting the service.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Mints a bearer token signed with the local key of the data directory.")
public class TokenCommand implements Callable<Integer> {

    @Option(names = "--role", required = true, description = "admin, analyst or project-viewer")
    String role;

    @Option(names = "--project", description = "a project a project-viewer may read; repeatable")
    List<String> projects = new ArrayList<>();

    @Option(names = "--subject", defaultValue = "local-user", description = "who the token names")
    String subject;

    @Option(names = "--ttl", defaultValue = "PT8H", description = "ISO-8601 duration, e.g. PT8H")
    Duration timeToLive;

    private final Path keyDirectory;
    private final String issuer;
    private final String projectsClaim;

    public TokenCommand(Path keyDirectory, String issuer, String projectsClaim) {
        this.keyDirectory = keyDirectory;
        this.issuer = issuer;
        this.projectsClaim = projectsClaim;
    }

    /** Runs the command; 0 on success, 2 on a usage error, 1 when there is no key. */
    public int execute(String... args) {
        return new CommandLine(this).execute(args);
    }

    @Override
    public Integer call() {
        LocalSigningKey key;
        try {
            key = LocalSigningKey.existing(keyDirectory);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        try {
            String token = new TokenMinter(key.privateKey(), issuer, projectsClaim)
                    .mint(subject, role, projects, timeToLive);
            System.out.println(token);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
