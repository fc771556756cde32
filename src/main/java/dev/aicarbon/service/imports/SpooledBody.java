package dev.aicarbon.service.imports;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * A request body copied to a temporary file while its SHA-256 is computed, so that a
 * duplicate is recognised before anything is parsed and the file is read once more as a
 * stream instead of being held in memory.
 *
 * <p>The file is unlinked as soon as it is open, before a byte is written: the data lives on
 * in the open channel only, and the operating system frees it when the channel closes, on
 * {@link #close()} or when the process dies. A service killed mid-import (a pod evicted, an
 * OOM kill) leaves no spooled data behind. One gap remains: a kill between creating the file
 * and unlinking it (microseconds, but the crash test has hit it). So files are created in a
 * directory of this process's own, {@code carbon-spool-<pid>}, and the first spool of a
 * process deletes the directories of processes that no longer run: what a dead import left is
 * gone once the service runs again, and a live process's files are never touched. Where open
 * files cannot be deleted (Windows), the file is deleted on close instead; that fallback is
 * logged at DEBUG.
 */
final class SpooledBody implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SpooledBody.class);

    private final FileChannel channel;
    private final Path linkedFile;
    private final String sha256;

    private SpooledBody(FileChannel channel, Path linkedFile, String sha256) {
        this.channel = channel;
        this.linkedFile = linkedFile;
        this.sha256 = sha256;
    }

    private static final String DIRECTORY_PREFIX = "carbon-spool-";

    static SpooledBody of(InputStream body) {
        return of(body, ProcessDirectory.get());
    }

    /** This process's spool directory, created on first use after sweeping dead ones. */
    static final class ProcessDirectory {

        private static Path directory;

        private ProcessDirectory() {
        }

        static synchronized Path get() {
            if (directory == null) {
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                sweepDeadProcesses(tmp);
                directory = tmp.resolve(DIRECTORY_PREFIX + ProcessHandle.current().pid());
            }
            try {
                return Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the spool directory " + directory, e);
            }
        }

        private static void sweepDeadProcesses(Path tmp) {
            try (var entries = Files.newDirectoryStream(tmp, DIRECTORY_PREFIX + "*")) {
                for (Path entry : entries) {
                    if (!running(entry.getFileName().toString().substring(DIRECTORY_PREFIX.length()))) {
                        deleteTree(entry);
                    }
                }
            } catch (IOException e) {
                LOG.warnf("Could not sweep spool directories of stopped processes in %s: %s", tmp, e);
            }
        }

        private static boolean running(String pid) {
            try {
                return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                return true;
            }
        }

        private static void deleteTree(Path root) throws IOException {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            LOG.infof("Deleted %s, left by a stopped process", root);
        }
    }

    /** Spools {@code body} in {@code directory}. */
    static SpooledBody of(InputStream body, Path directory) {
        try {
            Path file = Files.createTempFile(directory, "carbon-import-", ".csv");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Path linkedFile = unlink(file);
            try {
                return new SpooledBody(channel, linkedFile, copy(body, channel));
            } catch (IOException | RuntimeException e) {
                channel.close();
                deleteIfLinked(linkedFile);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot buffer the import body", e);
        }
    }

    /** Answers null once the file is unlinked, else the file still to delete on close. */
    private static Path unlink(Path file) {
        try {
            Files.delete(file);
            return null;
        } catch (IOException e) {
            LOG.debugf("Cannot unlink the open spool file %s (%s); it is deleted on close", file, e);
            return file;
        }
    }

    private static String copy(InputStream body, FileChannel channel) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
        // Not closed: closing the stream would close the channel the body is read back from.
        OutputStream out = new DigestOutputStream(
                new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), digest);
        body.transferTo(out);
        out.flush();
        return HexFormat.of().formatHex(digest.digest());
    }

    String sha256() {
        return sha256;
    }

    /** The spooled body from its first byte; closing the stream leaves the spool open. */
    InputStream open() {
        try {
            channel.position(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the buffered import body", e);
        }
        return new FilterInputStream(Channels.newInputStream(channel)) {
            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        try {
            channel.close();
            deleteIfLinked(linkedFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the buffered import body", e);
        }
    }

    private static void deleteIfLinked(Path linkedFile) throws IOException {
        if (linkedFile != null) {
            Files.deleteIfExists(linkedFile);
        }
    }
}
