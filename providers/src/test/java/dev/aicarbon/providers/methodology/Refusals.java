package dev.aicarbon.providers.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Inline inputs and refused reads, shared by the reader tests of this package. */
final class Refusals {

    private Refusals() {
    }

    /** The refusal {@code read} throws, having checked that no row reached {@code sink}. */
    static CsvFormatException refusal(ThrowingCallable read, CollectingSink<?> sink) {
        Throwable thrown = catchThrowable(read);

        assertThat(thrown).isInstanceOf(CsvFormatException.class);
        assertThat(sink.isEmpty()).as("rows handed to the sink before the refusal").isTrue();
        return (CsvFormatException) thrown;
    }

    static InputStream text(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
