package dev.aicarbon.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spooled import body has no name in the file system, so a killed import leaves none behind. */
class SpooledBodyTest {

    private static final byte[] BODY = "ProviderName,BillingAccountId\nAWS,billing-1\n".repeat(5_000)
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void leavesNoFileInItsDirectoryEvenWhileOpen() throws Exception {
        try (SpooledBody spooled = SpooledBody.of(new ByteArrayInputStream(BODY), directory)) {
            assertThat(filesIn(directory)).as("files while the body is spooled").isZero();

            assertThat(spooled.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(BODY)));
            assertThat(readAll(spooled)).isEqualTo(BODY);
        }
        assertThat(filesIn(directory)).isZero();
    }

    @Test
    void readsTheBodyFromItsFirstByteEachTimeItIsOpened() throws IOException {
        try (SpooledBody spooled = SpooledBody.of(new ByteArrayInputStream(BODY), directory)) {
            try (InputStream partly = spooled.open()) {
                assertThat(partly.readNBytes(100)).hasSize(100);
            }

            assertThat(readAll(spooled)).isEqualTo(BODY);
        }
    }

    private static byte[] readAll(SpooledBody spooled) throws IOException {
        try (InputStream in = spooled.open()) {
            return in.readAllBytes();
        }
    }

    private static long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
