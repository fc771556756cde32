package dev.aicarbon.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code src/main/docker/Dockerfile.jvm}, read without a container engine: what it copies
 * from the Maven build, what it starts, as whom, and the image name its build command gives,
 * which has to be the one the manifests deploy.
 */
class DockerfileJvmTest {

    private static final String FAST_JAR_DIR = "src/target/quarkus-app/";
    private static final String RUNNER_JAR = "quarkus-run.jar";
    private static final List<String> FAST_JAR_DIRECTORIES = List.of("lib", "app", "quarkus");
    private static final String RUN_JAVA_SCRIPT = "run-java.sh";
    private static final String HTTP_ON_ALL_INTERFACES = "-Dquarkus.http.host=0.0.0.0";
    private static final String UBI_OPENJDK = "registry.access.redhat.com/ubi9/openjdk-";

    private Dockerfile dockerfile;

    @BeforeEach
    void readDockerfile() {
        assertThat(DeployFiles.DOCKERFILE).exists();
        dockerfile = Dockerfile.parse(DeployFiles.read(DeployFiles.DOCKERFILE));
    }

    @Test
    void exposesTheApplicationPort() {
        assertThat(dockerfile.exposedPorts())
                .contains(String.valueOf(DeployFiles.applicationPort()));
    }

    @Test
    void startsTheFastJarRunnerWhereItWasCopied() {
        String runner = launchedJar();

        assertThat(runner).as("jar the container starts").endsWith("/" + RUNNER_JAR);
        assertThat(destinationOf(FAST_JAR_DIR + "*.jar"))
                .as("where the fast-jar's jars are copied")
                .isEqualTo(directoryOf(runner) + "/");
    }

    @Test
    void copiesEveryFastJarDirectoryBesideTheRunner() {
        String runnerDirectory = directoryOf(launchedJar());

        for (String directory : FAST_JAR_DIRECTORIES) {
            assertThat(destinationOf(FAST_JAR_DIR + directory + "/"))
                    .as("where %s/ is copied; quarkus-run.jar looks for it beside itself", directory)
                    .isEqualTo(runnerDirectory + "/" + directory + "/");
        }
    }

    @Test
    void runsAsANumericUserOtherThanRoot() {
        String user = dockerfile.last("USER")
                .map(Dockerfile.Instruction::arguments)
                .orElse("");

        assertThat(user).as("USER; Kubernetes checks runAsNonRoot only against a numeric user")
                .matches("[0-9]+(:[0-9]+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).as("user id").isNotZero();
    }

    @Test
    void bindsHttpToAllInterfaces() {
        Map<String, String> env = dockerfile.env();
        String javaOptions = env.getOrDefault("JAVA_OPTS", "") + " "
                + env.getOrDefault("JAVA_OPTS_APPEND", "");

        assertThat(javaOptions.split("\\s+")).contains(HTTP_ON_ALL_INTERFACES);
    }

    @Test
    void baseImageIsTheUbiOpenJdkRuntimeOfTheReleaseTheBuildTargets() {
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
                .matcher(DeployFiles.read(DeployFiles.ROOT_POM));

        assertThat(release.find()).as("maven.compiler.release in the root pom").isTrue();
        assertThat(dockerfile.last("FROM").map(Dockerfile.Instruction::arguments))
                .hasValueSatisfying(image -> assertThat(image)
                        .startsWith(UBI_OPENJDK + release.group(1) + "-runtime:"));
    }

    @Test
    void buildCommandTagsTheImageTheManifestsDeploy() {
        String deployed =
                Nodes.string(Workloads.onlyContainer(DeployFiles.single("Deployment")), "image");
        Pattern tagOption = Pattern.compile("(?:^|\\s)(?:-t|--tag)[\\s=]+(\\S+)");

        List<String> documentedTags = dockerfile.comments().stream()
                .map(tagOption::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .toList();

        assertThat(documentedTags).as("image tags in the Dockerfile's build command")
                .isNotEmpty()
                .allSatisfy(tag -> assertThat(tag).isEqualTo(deployed));
    }

    /**
     * The jar the start command runs: named in ENTRYPOINT or CMD, or, when they start the base
     * image's run-java.sh, the one in JAVA_APP_JAR.
     */
    private String launchedJar() {
        List<String> command = dockerfile.startCommand();

        assertThat(command).as("ENTRYPOINT and CMD").isNotEmpty();
        return command.stream()
                .filter(word -> word.endsWith(".jar"))
                .findFirst()
                .orElseGet(() -> {
                    assertThat(command.get(0)).as("start command without a jar")
                            .endsWith(RUN_JAVA_SCRIPT);
                    return dockerfile.env().getOrDefault("JAVA_APP_JAR", "");
                });
    }

    /** Destination of the one COPY whose only source is {@code source}; null if none. */
    private String destinationOf(String source) {
        return dockerfile.copies().stream()
                .filter(copy -> copy.size() == 2 && copy.get(0).equals(source))
                .map(copy -> copy.get(1))
                .findFirst()
                .orElse(null);
    }

    private static String directoryOf(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }
}
