package dev.aicarbon.service.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair the embedded default and the tests sign and verify tokens with, generated
 * on first start into a directory of the data directory and kept across restarts, so that
 * tokens minted earlier stay valid. No key is ever committed or shipped.
 *
 * <p>The private key file is readable by its owner only. A deployment with an identity
 * provider configures its issuer and JWKS instead and never creates these files.
 */
public final class LocalSigningKey {

    static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final Path directory;

    private LocalSigningKey(Path directory) {
        this.directory = directory;
    }

    /** The key pair in {@code directory}, generated there first if absent. */
    public static LocalSigningKey ensure(Path directory) {
        LocalSigningKey key = new LocalSigningKey(directory);
        if (!Files.exists(key.publicKeyFile()) || !Files.exists(key.privateKeyFile())) {
            key.generate();
        }
        return key;
    }

    /** The key pair in {@code directory}, which must exist. */
    public static LocalSigningKey existing(Path directory) {
        LocalSigningKey key = new LocalSigningKey(directory);
        if (!Files.isReadable(key.privateKeyFile())) {
            throw new IllegalStateException("no local signing key in " + directory
                    + "; start the service once on this data directory to create it");
        }
        return key;
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY_FILE);
    }

    Path privateKeyFile() {
        return directory.resolve(PRIVATE_KEY_FILE);
    }

    /** The private key, read from its PKCS#8 PEM file. */
    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the local signing key is not an RSA PKCS#8 key", e);
        }
    }

    private void generate() {
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            OwnerOnlyFile.write(privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a signing key to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Files holding secrets: created readable and writable by their owner only. */
    static final class OwnerOnlyFile {

        private OwnerOnlyFile() {
        }

        static void write(Path file, String content) throws IOException {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }
}
