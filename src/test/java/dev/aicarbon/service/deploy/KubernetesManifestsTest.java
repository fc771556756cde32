package dev.aicarbon.service.deploy;

import static dev.aicarbon.service.deploy.DeployFiles.manifests;
import static dev.aicarbon.service.deploy.DeployFiles.single;
import static dev.aicarbon.service.deploy.Workloads.containerPort;
import static dev.aicarbon.service.deploy.Workloads.containers;
import static dev.aicarbon.service.deploy.Workloads.envVar;
import static dev.aicarbon.service.deploy.Workloads.onlyContainer;
import static dev.aicarbon.service.deploy.Workloads.podSpec;
import static dev.aicarbon.service.deploy.Workloads.podSpecs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.service.deploy.DeployFiles.Manifest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The manifests in {@code kubernetes/}, read as kustomize and the cluster would read them and
 * held to the application they deploy: its port, its health endpoints, its settings, its
 * month-close exit codes, and the docs that name its image. Plain JUnit: nothing starts,
 * nothing is applied.
 */
class KubernetesManifestsTest {

    private static final String READINESS_PATH = "/q/health/ready";
    private static final String LIVENESS_PATH = "/q/health/live";
    private static final String STARTUP_PATH = "/q/health/started";

    /** Settings that would move the health endpoints away from where the probes look. */
    private static final List<String> HEALTH_PATH_SETTINGS = List.of(
            "quarkus.http.root-path",
            "quarkus.http.non-application-root-path",
            "quarkus.smallrye-health.root-path",
            "quarkus.smallrye-health.readiness-path",
            "quarkus.smallrye-health.liveness-path",
            "quarkus.smallrye-health.startup-path");

    private static final String DATABASE_SECRET = "carbon-db";
    private static final Map<String, String> DATASOURCE_SECRET_KEYS = Map.of(
            "QUARKUS_DATASOURCE_JDBC_URL", "jdbc-url",
            "QUARKUS_DATASOURCE_USERNAME", "username",
            "QUARKUS_DATASOURCE_PASSWORD", "password");

    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY).*");
    /** {@code password=...} in a query string, or {@code user:password@} in a URL. */
    private static final Pattern CREDENTIAL_IN_TEXT =
            Pattern.compile("(?i)(password=[^&\\s]|://[^/\\s:@]+:[^/\\s@]+@)");

    private static final int SERVICE_PORT = 80;
    private static final String CLOSE_SCHEDULE = "0 6 20 * *";

    /** Exit codes of {@code close} that no immediate retry can change (kubernetes/README.md). */
    private static final List<Integer> EXIT_CODES_NOT_TO_RETRY = List.of(3, 4, 5);
    private static final int EXIT_CODE_FAILURE = 1;

    @Test
    void everyYamlFileHoldsDocumentsWithApiVersionKindAndName() {
        List<Manifest> manifests = manifests();
        SoftAssertions softly = new SoftAssertions();

        for (Path file : DeployFiles.yamlFiles()) {
            softly.assertThat(manifests)
                    .as("documents in %s", file.getFileName())
                    .anyMatch(manifest -> manifest.file().equals(file.getFileName().toString()));
        }
        for (Manifest manifest : manifests) {
            Map<String, Object> document = manifest.document();
            softly.assertThat(Nodes.string(document, "apiVersion"))
                    .as("apiVersion in %s", manifest.file())
                    .isNotBlank();
            softly.assertThat(Nodes.string(document, "kind")).as("kind in %s", manifest.file())
                    .isNotBlank();
            softly.assertThat(Nodes.string(document, "metadata", "name"))
                    .as("metadata.name in %s", manifest.file())
                    .isNotBlank();
        }

        softly.assertAll();
    }

    @Test
    void kustomizationListsEveryOtherYamlFileExactlyOnce() {
        List<Object> listed = Nodes.list(single("Kustomization").document(), "resources");

        List<String> present = DeployFiles.yamlFiles().stream()
                .map(file -> file.getFileName().toString())
                .filter(name -> !name.equals(DeployFiles.KUSTOMIZATION.getFileName().toString()))
                .toList();

        assertThat(listed).as("resources in kustomization.yaml")
                .containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void everyNamespacedResourceIsInTheNamespaceTheKustomizationSets() {
        String namespace = Nodes.string(single("Kustomization").document(), "namespace");

        assertThat(namespace).as("namespace in kustomization.yaml").isNotBlank();
        assertThat(single("Namespace").name()).isEqualTo(namespace);
        for (Manifest manifest : manifests()) {
            if (!List.of("Kustomization", "Namespace").contains(manifest.kind())) {
                assertThat(Nodes.string(manifest.document(), "metadata", "namespace"))
                        .as("namespace of %s", manifest)
                        .isEqualTo(namespace);
            }
        }
    }

    @Test
    void serviceAndMonthCloseRunOneTaggedImage() {
        String serviceImage = Nodes.string(onlyContainer(single("Deployment")), "image");
        String closeImage = Nodes.string(onlyContainer(single("CronJob")), "image");

        assertThat(serviceImage).as("image of the Deployment")
                .matches("[^\\s:]+(:[0-9]+)?/[^\\s:]+:[A-Za-z0-9_][A-Za-z0-9_.-]*");
        assertThat(closeImage).as("image of the CronJob").isEqualTo(serviceImage);
    }

    @Test
    void operatorDocsNameTheImageTheManifestsDeploy() {
        String image = Nodes.string(onlyContainer(single("Deployment")), "image");
        String repository = image.substring(0, image.lastIndexOf(':'));
        Pattern taggedMention =
                Pattern.compile(Pattern.quote(repository) + ":([A-Za-z0-9_][A-Za-z0-9_.-]*)");

        for (Path doc : List.of(DeployFiles.KUBERNETES_DIR.resolve("README.md"),
                DeployFiles.REPOSITORY_DIR.resolve("docs/operations.md"))) {
            Matcher mention = taggedMention.matcher(DeployFiles.read(doc));
            while (mention.find()) {
                String tag = mention.group(1).replaceAll("\\.+$", "");
                assertThat(repository + ":" + tag).as("image named in %s", doc).isEqualTo(image);
            }
        }
    }

    @Test
    void applicationServesHealthWhereTheProbesLook() {
        for (String setting : HEALTH_PATH_SETTINGS) {
            assertThat(DeployFiles.applicationProperty(setting))
                    .as("%s in application.properties moves the health endpoints", setting)
                    .isNull();
        }
    }

    @Test
    void probesAskTheApplicationsHealthEndpointsOnItsPort() {
        Map<String, Object> container = onlyContainer(single("Deployment"));
        int port = DeployFiles.applicationPort();

        assertThat(Nodes.string(container, "readinessProbe", "httpGet", "path"))
                .isEqualTo(READINESS_PATH);
        assertThat(Nodes.string(container, "livenessProbe", "httpGet", "path"))
                .isEqualTo(LIVENESS_PATH);
        if (container.containsKey("startupProbe")) {
            assertThat(Nodes.string(container, "startupProbe", "httpGet", "path"))
                    .isEqualTo(STARTUP_PATH);
        }
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            if (container.containsKey(probe)) {
                assertThat(containerPort(container, Nodes.at(container, probe, "httpGet", "port")))
                        .as("port of the %s", probe)
                        .isEqualTo(port);
            }
        }
    }

    @Test
    void serviceSendsPortEightyToTheApplicationPortOfTheServicePods() {
        Manifest deployment = single("Deployment");
        Map<String, Object> container = onlyContainer(deployment);
        Map<String, Object> service = single("Service").document();
        List<Object> ports = Nodes.list(service, "spec", "ports");

        assertThat(Nodes.list(container, "ports"))
                .extracting(port -> Nodes.at(port, "containerPort"))
                .containsExactly(DeployFiles.applicationPort());
        assertThat(Nodes.string(service, "spec", "type")).isEqualTo("ClusterIP");
        assertThat(ports).hasSize(1);
        assertThat(Nodes.at(ports.get(0), "port")).isEqualTo(SERVICE_PORT);
        assertThat(containerPort(container, Nodes.at(ports.get(0), "targetPort")))
                .isEqualTo(DeployFiles.applicationPort());
        assertThat(Nodes.map(deployment.document(), "spec", "template", "metadata", "labels"))
                .as("labels of the service pods")
                .containsAllEntriesOf(Nodes.map(service, "spec", "selector"));
    }

    @Test
    void monthCloseRunsCloseOnThe20thWithoutPinningAMonth() {
        Manifest cronJob = single("CronJob");
        List<Object> args = Nodes.list(onlyContainer(cronJob), "args");

        assertThat(Nodes.string(cronJob.document(), "spec", "schedule")).isEqualTo(CLOSE_SCHEDULE);
        assertThat(args).as("args of the month close").first().isEqualTo("close");
        assertThat(args).as("a fixed --month would close the same month every time")
                .doesNotContain("--month");
    }

    @Test
    void monthCloseNeverOverlapsNeverRestartsInPlaceAndKeepsItsHistory() {
        Map<String, Object> cronJob = single("CronJob").document();

        assertThat(Nodes.string(cronJob, "spec", "concurrencyPolicy")).isEqualTo("Forbid");
        assertThat(podSpec(single("CronJob")).get("restartPolicy")).isEqualTo("Never");
        assertThat(Nodes.at(cronJob, "spec", "jobTemplate", "spec", "backoffLimit"))
                .as("backoffLimit")
                .isInstanceOfSatisfying(Integer.class, limit -> assertThat(limit).isNotNegative());
        for (String limit : List.of("successfulJobsHistoryLimit", "failedJobsHistoryLimit")) {
            assertThat(Nodes.at(cronJob, "spec", limit))
                    .as(limit)
                    .isInstanceOfSatisfying(Integer.class, kept -> assertThat(kept).isPositive());
        }
    }

    @Test
    void monthCloseEndsAtOnceOnExitCodesThatARetryCannotChange() {
        Manifest cronJob = single("CronJob");
        String container = Nodes.string(onlyContainer(cronJob), "name");
        Set<Object> failJobCodes = new HashSet<>();

        for (Object rule : Nodes.list(cronJob.document(),
                "spec", "jobTemplate", "spec", "podFailurePolicy", "rules")) {
            String ruleContainer = Nodes.string(rule, "onExitCodes", "containerName");
            boolean failsJob = "FailJob".equals(Nodes.string(rule, "action"))
                    && "In".equals(Nodes.string(rule, "onExitCodes", "operator"))
                    && (ruleContainer == null || ruleContainer.equals(container));
            if (failsJob) {
                failJobCodes.addAll(Nodes.list(rule, "onExitCodes", "values"));
            }
        }

        assertThat(failJobCodes).as("exit codes failing the Job without retry")
                .containsAll(EXIT_CODES_NOT_TO_RETRY)
                .doesNotContain(EXIT_CODE_FAILURE);
    }

    @Test
    void monthCloseRunsWithTheServicesSettingsDatabaseAndIdentity() {
        Manifest deployment = single("Deployment");
        Manifest cronJob = single("CronJob");
        Map<String, Object> service = onlyContainer(deployment);
        Map<String, Object> close = onlyContainer(cronJob);
        String serviceAccount = single("ServiceAccount").name();

        List<?> serviceEnv = Nodes.list(service, "env");
        assertThat(Nodes.list(close, "env")).as("env of the month close").containsAll(serviceEnv);
        assertThat(Nodes.list(close, "env").stream()
                .filter(variable -> !serviceEnv.contains(variable))
                .map(variable -> Nodes.map(variable).get("name")))
                .as("env the month close adds: its heap, sized for a month's close")
                .containsExactly("JAVA_MAX_MEM_RATIO");
        assertThat(close.get("envFrom")).as("envFrom of the month close")
                .isEqualTo(service.get("envFrom"));
        assertThat(Nodes.list(service, "envFrom"))
                .extracting(source -> Nodes.at(source, "configMapRef", "name"))
                .contains(single("ConfigMap").name());
        assertThat(podSpec(deployment).get("serviceAccountName")).isEqualTo(serviceAccount);
        assertThat(podSpec(cronJob).get("serviceAccountName")).isEqualTo(serviceAccount);
    }

    @Test
    void bothWorkloadsTakeTheDatabaseFromItsSecretAndCannotStartWithoutIt() {
        SoftAssertions softly = new SoftAssertions();

        for (Manifest workload : List.of(single("Deployment"), single("CronJob"))) {
            Map<String, Object> container = onlyContainer(workload);
            DATASOURCE_SECRET_KEYS.forEach((variable, key) -> {
                Map<String, Object> env = envVar(container, variable);
                softly.assertThat(env).as("%s in %s", variable, workload)
                        .doesNotContainKey("value");
                softly.assertThat(Nodes.string(env, "valueFrom", "secretKeyRef", "name"))
                        .as("Secret of %s in %s", variable, workload)
                        .isEqualTo(DATABASE_SECRET);
                softly.assertThat(Nodes.string(env, "valueFrom", "secretKeyRef", "key"))
                        .as("key of %s in %s", variable, workload)
                        .isEqualTo(key);
                softly.assertThat(Nodes.at(env, "valueFrom", "secretKeyRef", "optional"))
                        .as("%s optional; the service would start an embedded database", variable)
                        .isNotEqualTo(Boolean.TRUE);
            });
        }

        softly.assertAll();
    }

    @Test
    void noManifestCarriesASecretValue() {
        SoftAssertions softly = new SoftAssertions();

        for (Manifest manifest : manifests()) {
            if (manifest.kind().equals("Secret")) {
                softly.assertThat(manifest.document()).as("values in %s", manifest)
                        .doesNotContainKeys("data", "stringData");
            }
            if (manifest.kind().equals("ConfigMap")) {
                softly.assertThat(Nodes.map(manifest.document(), "data").keySet())
                        .as("keys of %s", manifest)
                        .noneMatch(key -> CREDENTIAL_NAME.matcher(key).matches());
            }
            assertNoCredentialInText(softly, manifest, manifest.document());
        }
        softly.assertThat(single("Kustomization").document()).doesNotContainKey("secretGenerator");
        podSpecs().forEach((workload, spec) -> containers(spec).stream()
                .flatMap(container -> Nodes.list(container, "env").stream())
                .map(Nodes::map)
                .filter(env -> CREDENTIAL_NAME.matcher(String.valueOf(env.get("name"))).matches())
                .forEach(env -> softly.assertThat(Nodes.at(env, "valueFrom", "secretKeyRef"))
                        .as("%s in %s comes from a Secret", env.get("name"), workload)
                        .isNotNull()));

        softly.assertAll();
    }

    @Test
    void podsMeetTheRestrictedPodSecurityStandardTheNamespaceEnforces() {
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(Nodes.string(single("Namespace").document(),
                        "metadata", "labels", "pod-security.kubernetes.io/enforce"))
                .isEqualTo("restricted");
        podSpecs().forEach((workload, spec) -> {
            for (Map<String, Object> container : containers(spec)) {
                String where = workload + " container " + container.get("name");
                softly.assertThat(podOrContainer(spec, container, "runAsNonRoot"))
                        .as("runAsNonRoot of %s", where).isEqualTo(Boolean.TRUE);
                softly.assertThat(podOrContainer(spec, container, "seccompProfile"))
                        .as("seccompProfile of %s", where)
                        .isEqualTo(Map.of("type", "RuntimeDefault"));
                softly.assertThat(Nodes.at(container, "securityContext", "allowPrivilegeEscalation"))
                        .as("allowPrivilegeEscalation of %s", where).isEqualTo(Boolean.FALSE);
                softly.assertThat(Nodes.list(container, "securityContext", "capabilities", "drop"))
                        .as("capabilities dropped by %s", where).contains("ALL");
                softly.assertThat(Nodes.at(container, "securityContext", "readOnlyRootFilesystem"))
                        .as("readOnlyRootFilesystem of %s", where).isEqualTo(Boolean.TRUE);
            }
        });

        softly.assertAll();
    }

    @Test
    void tmpIsAWritableEmptyDirBecauseImportsSpoolThere() {
        SoftAssertions softly = new SoftAssertions();

        podSpecs().forEach((workload, spec) -> {
            for (Map<String, Object> container : containers(spec)) {
                Object tmpVolume = Nodes.list(container, "volumeMounts").stream()
                        .filter(mount -> "/tmp".equals(Nodes.string(mount, "mountPath")))
                        .map(mount -> Nodes.string(mount, "name"))
                        .findFirst()
                        .flatMap(name -> Nodes.list(spec, "volumes").stream()
                                .filter(volume -> name.equals(Nodes.string(volume, "name")))
                                .findFirst())
                        .orElse(null);
                softly.assertThat(Nodes.at(tmpVolume, "emptyDir"))
                        .as("emptyDir on /tmp of %s container %s", workload, container.get("name"))
                        .isNotNull();
            }
        });

        softly.assertAll();
    }

    /**
     * The benchmark closed a 10M-line month in a 2 GiB heap (docs/performance.md); the image's
     * run-java.sh sizes the heap as JAVA_MAX_MEM_RATIO percent of the memory limit.
     */
    @Test
    void monthCloseGetsTheHeapTheTenMillionLineCloseWasMeasuredWith() {
        Map<String, Object> close = onlyContainer(single("CronJob"));
        long limitBytes = bytesOf(Nodes.string(close, "resources", "limits", "memory"));
        int heapPercent = Integer.parseInt(Nodes.string(envVar(close, "JAVA_MAX_MEM_RATIO"), "value"));

        assertThat(limitBytes * heapPercent / 100).as("heap of the month close, bytes")
                .isGreaterThanOrEqualTo(2L << 30);
        assertThat(heapPercent).as("JAVA_MAX_MEM_RATIO, leaving room beside the heap")
                .isLessThanOrEqualTo(75);
    }

    /** A Kubernetes memory quantity with a binary suffix (Mi, Gi), as these manifests write them. */
    private static long bytesOf(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) << 30;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) << 20;
        }
        throw new AssertionError("not a Mi or Gi quantity: " + quantity);
    }

    @Test
    void everyContainerRequestsCpuAndMemoryAndLimitsMemory() {
        SoftAssertions softly = new SoftAssertions();

        podSpecs().forEach((workload, spec) -> {
            for (Map<String, Object> container : containers(spec)) {
                String where = workload + " container " + container.get("name");
                softly.assertThat(Nodes.string(container, "resources", "requests", "cpu"))
                        .as("cpu request of %s", where).isNotBlank();
                softly.assertThat(Nodes.string(container, "resources", "requests", "memory"))
                        .as("memory request of %s", where).isNotBlank();
                softly.assertThat(Nodes.string(container, "resources", "limits", "memory"))
                        .as("memory limit of %s", where).isNotBlank();
            }
        });

        softly.assertAll();
    }

    @Test
    void configMapSetsOnlySettingsTheServiceHasAndOnlyAsStrings() {
        Map<String, Object> data = Nodes.map(single("ConfigMap").document(), "data");
        Set<String> settings = CarbonSettings.environmentNames();

        assertThat(data.keySet()).filteredOn(key -> key.startsWith("CARBON_"))
                .as("CARBON_ variables of the ConfigMap; Quarkus ignores one that names no setting")
                .isNotEmpty()
                .isSubsetOf(settings);
        assertThat(data.values()).as("ConfigMap values; the API rejects a bare number or boolean")
                .hasOnlyElementsOfType(String.class);
    }

    @Test
    void workloadIdentityAnnotationsAreNotLeftAsPlaceholders() {
        Map<String, Object> annotations =
                Nodes.map(single("ServiceAccount").document(), "metadata", "annotations");

        assertThat(annotations.values()).as("annotations of the ServiceAccount")
                .noneMatch(value -> String.valueOf(value).matches(".*[<>].*"));
    }

    private static Object podOrContainer(Map<String, Object> podSpec, Map<String, Object> container,
            String field) {
        Object own = Nodes.at(container, "securityContext", field);
        return own != null ? own : Nodes.at(podSpec, "securityContext", field);
    }

    private static void assertNoCredentialInText(SoftAssertions softly, Manifest manifest,
            Object node) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> assertNoCredentialInText(softly, manifest, value));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> assertNoCredentialInText(softly, manifest, item));
        } else if (node instanceof String text) {
            softly.assertThat(CREDENTIAL_IN_TEXT.matcher(text).find())
                    .as("a credential written into a value of %s", manifest)
                    .isFalse();
        }
    }
}
