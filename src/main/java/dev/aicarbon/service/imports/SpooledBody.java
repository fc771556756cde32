package dev.aicarbon.service.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request body copied to a temporary file while its SHA-256 is computed, so that a
 * duplicate is recognised before anything is parsed and the file is read once more as a
 * stream instead of being held in memory.
 */
final class SpooledBody implements AutoCloseable {

    private final Path file;
    private final String sha256;

    private SpooledBody(Path file, String sha256) {
        this.file = file;
        this.sha256 = sha256;
    }

    static SpooledBody of(InputStream body) {
        try {
            Path file = Files.createTempFile("carbon-import-", ".csv");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                body.transferTo(out);
            }
            return new SpooledBody(file, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot buffer the import body", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    String sha256() {
        return sha256;
    }

    InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the buffered import body", e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
