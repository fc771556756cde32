package dev.aicarbon.providers.csv;

import java.io.InputStream;

/** Opens the recorded files under {@code src/test/resources}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static InputStream open(String path) {
        InputStream in = Fixtures.class.getResourceAsStream("/" + path);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + path);
        }
        return in;
    }
}
