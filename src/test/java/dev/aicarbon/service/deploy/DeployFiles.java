package dev.aicarbon.service.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files as a deployer gets them: the manifests in {@code kubernetes/}, the
 * Dockerfile, and the application settings they have to agree with.
 *
 * <p>Paths are resolved from the module's base directory, which Maven makes the working
 * directory of the tests ({@code src/} of the repository). Run from the repository root
 * instead (an IDE), they resolve the same files.
 */
final class DeployFiles {

    static final Path MODULE_DIR = moduleDir();
    static final Path REPOSITORY_DIR = MODULE_DIR.getParent();
    static final Path KUBERNETES_DIR = REPOSITORY_DIR.resolve("kubernetes");
    static final Path KUSTOMIZATION = KUBERNETES_DIR.resolve("kustomization.yaml");
    static final Path DOCKERFILE = MODULE_DIR.resolve("main/docker/Dockerfile.jvm");
    static final Path APPLICATION_PROPERTIES =
            MODULE_DIR.resolve("main/resources/application.properties");
    static final Path ROOT_POM = REPOSITORY_DIR.resolve("pom.xml");

    /** Quarkus's HTTP port when {@code quarkus.http.port} is not set. */
    static final int QUARKUS_DEFAULT_PORT = 8080;

    private DeployFiles() {
    }

    /** One YAML document of one file; {@code file} is relative to {@code kubernetes/}. */
    record Manifest(String file, Map<String, Object> document) {

        String kind() {
            return Nodes.string(document, "kind");
        }

        String name() {
            return Nodes.string(document, "metadata", "name");
        }

        @Override
        public String toString() {
            return file + " (" + kind() + " " + name() + ")";
        }
    }

    /** Every {@code .yaml} and {@code .yml} file in {@code kubernetes/}, by name. */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.list(KUBERNETES_DIR)) {
            return files.filter(DeployFiles::isYaml)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every document of every YAML file in {@code kubernetes/}, the kustomization included.
     * Empty documents (a stray {@code ---}) are skipped, as kubectl skips them.
     */
    static List<Manifest> manifests() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : yamlFiles()) {
            for (Object document : loadAll(file)) {
                if (document != null) {
                    manifests.add(new Manifest(file.getFileName().toString(), Nodes.map(document)));
                }
            }
        }
        return manifests;
    }

    /** The one document of {@code kind} among the manifests; fails if there is not exactly one. */
    static Manifest single(String kind) {
        List<Manifest> ofKind = manifests().stream()
                .filter(manifest -> kind.equals(manifest.kind()))
                .toList();
        if (ofKind.size() != 1) {
            throw new AssertionError("expected one " + kind + " in kubernetes/, found " + ofKind);
        }
        return ofKind.get(0);
    }

    /**
     * Parses every document of a YAML file. Duplicate keys are an error: in a manifest the
     * later one would silently win.
     */
    static List<Object> loadAll(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Object> documents = new ArrayList<>();
            yaml.loadAll(reader).forEach(documents::add);
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** application.properties as the prod profile sees it: {@code %prod.} keys win. */
    static String applicationProperty(String key) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("%prod." + key, properties.getProperty(key));
    }

    /** The port the packaged application listens on. */
    static int applicationPort() {
        String configured = applicationProperty("quarkus.http.port");
        return configured == null ? QUARKUS_DEFAULT_PORT : Integer.parseInt(configured.trim());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static Path moduleDir() {
        Path workingDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (Files.isDirectory(workingDir.resolve("main/resources"))) {
            return workingDir;
        }
        return workingDir.resolve("src");
    }
}
