package dev.aicarbon.service.deploy;

import dev.aicarbon.service.deploy.DeployFiles.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pods the manifests run: where each kind keeps its pod template, and its containers. */
final class Workloads {

    private Workloads() {
    }

    /** The pod spec of a workload, or an empty map for a kind that runs no pods. */
    static Map<String, Object> podSpec(Manifest manifest) {
        Map<String, Object> document = manifest.document();
        return switch (manifest.kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
                    Nodes.map(document, "spec", "template", "spec");
            case "CronJob" -> Nodes.map(document, "spec", "jobTemplate", "spec", "template", "spec");
            case "Pod" -> Nodes.map(document, "spec");
            default -> Map.of();
        };
    }

    /** Every manifest that runs pods, with its pod spec. */
    static Map<Manifest, Map<String, Object>> podSpecs() {
        Map<Manifest, Map<String, Object>> specs = new LinkedHashMap<>();
        for (Manifest manifest : DeployFiles.manifests()) {
            Map<String, Object> spec = podSpec(manifest);
            if (!spec.isEmpty()) {
                specs.put(manifest, spec);
            }
        }
        return specs;
    }

    /** Init containers and containers of a pod spec. */
    static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            for (Object container : Nodes.list(podSpec, field)) {
                containers.add(Nodes.map(container));
            }
        }
        return containers;
    }

    /** The one container of a workload; fails if it has another number of containers. */
    static Map<String, Object> onlyContainer(Manifest manifest) {
        List<Map<String, Object>> containers = containers(podSpec(manifest));
        if (containers.size() != 1) {
            throw new AssertionError(manifest + " should run one container, runs " + containers.size());
        }
        return containers.get(0);
    }

    /** The environment variable {@code name} of a container, or an empty map. */
    static Map<String, Object> envVar(Map<String, Object> container, String name) {
        return Nodes.list(container, "env").stream()
                .map(Nodes::map)
                .filter(variable -> name.equals(variable.get("name")))
                .findFirst()
                .orElse(Map.of());
    }

    /**
     * The container port a probe or Service port refers to, by number or by name; null when
     * a name matches no port of the container.
     */
    static Integer containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return Nodes.list(container, "ports").stream()
                .map(Nodes::map)
                .filter(declared -> port != null && port.equals(declared.get("name")))
                .map(declared -> declared.get("containerPort"))
                .filter(Integer.class::isInstance)
                .map(Integer.class::cast)
                .findFirst()
                .orElse(null);
    }
}
