package dev.aicarbon.service.projects;

import dev.aicarbon.allocation.Tags;
import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.model.Project;
import dev.aicarbon.service.model.Workload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ML project registry. Projects named by usage tags are registered as discovered, so
 * that every project emissions can be attributed to is known and queryable.
 */
@ApplicationScoped
public class ProjectRegistry {

    /** Names that stand for buckets or the shared marker, never for a project. */
    public static final Set<String> RESERVED_NAMES = Set.of("unallocated", "unmatched", "shared");

    @Inject
    CarbonConfig config;

    /** Collects the projects and workloads an import's tags name; registers them at the end. */
    public Discovery discovery() {
        return new Discovery();
    }

    public boolean isReserved(String name) {
        return RESERVED_NAMES.contains(name) || name.equals(config.allocation().sharedValue());
    }

    /** Projects and workloads seen in one import, registered in the import's transaction. */
    public final class Discovery {

        private final Map<String, Set<String>> workloadsByProject = new TreeMap<>();

        private Discovery() {
        }

        public void note(Map<String, String> tags) {
            String project = Tags.value(tags, config.allocation().projectTag());
            if (project == null || isReserved(project)) {
                return;
            }
            Set<String> workloads = workloadsByProject.computeIfAbsent(project, p -> new TreeSet<>());
            String workload = Tags.value(tags, config.allocation().workloadTag());
            if (workload != null) {
                workloads.add(workload);
            }
        }

        /** Adds what the registry lacks; must run inside a transaction. */
        public void register() {
            workloadsByProject.forEach(ProjectRegistry::registerDiscovered);
        }
    }

    private static void registerDiscovered(String projectName, Set<String> workloads) {
        Project project = Project.findByName(projectName).orElseGet(() -> {
            Project created = new Project();
            created.name = projectName;
            created.discovered = true;
            created.createdAt = Instant.now();
            created.persist();
            return created;
        });
        for (String workloadName : workloads) {
            if (Workload.count("projectId = ?1 and name = ?2", project.id, workloadName) == 0) {
                Workload workload = new Workload();
                workload.projectId = project.id;
                workload.name = workloadName;
                workload.createdAt = Instant.now();
                workload.persist();
            }
        }
    }
}
