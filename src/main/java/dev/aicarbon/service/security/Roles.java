package dev.aicarbon.service.security;

import java.util.List;

/** The roles a token's {@code groups} claim grants. */
public final class Roles {

    /** Imports, runs, syncs and configuration, and everything an analyst reads. */
    public static final String ADMIN = "admin";
    /** Reads every project, bucket and run. */
    public static final String ANALYST = "analyst";
    /** Reads only the projects named in the token's projects claim. */
    public static final String PROJECT_VIEWER = "project-viewer";

    public static final List<String> ALL = List.of(ADMIN, ANALYST, PROJECT_VIEWER);

    private Roles() {
    }
}
