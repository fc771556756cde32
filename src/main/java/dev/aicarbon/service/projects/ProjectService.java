package dev.aicarbon.service.projects;

import dev.aicarbon.service.api.BadParameterException;
import dev.aicarbon.service.model.Project;
import dev.aicarbon.service.model.Workload;
import dev.aicarbon.service.query.EmissionsQuery;
import dev.aicarbon.service.query.EmissionsReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registers and lists ML projects. */
@ApplicationScoped
public class ProjectService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    @Inject
    ProjectRegistry registry;

    @Inject
    EmissionsQuery emissions;

    /** The body of a registration. */
    public record Registration(String name, String displayName, String owner, String description) {
    }

    @Transactional
    public List<ProjectView> list() {
        return Project.<Project>list("order by name").stream().map(this::view).toList();
    }

    /** Whether a project of that name is registered; one indexed lookup, no figures. */
    @Transactional
    public boolean exists(String name) {
        return Project.findByName(name).isPresent();
    }

    @Transactional
    public Optional<ProjectView> find(String name) {
        return Project.findByName(name).map(this::view);
    }

    @Transactional
    public ProjectView register(Registration registration) {
        String name = registration == null ? null : registration.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadParameterException("name",
                    "name must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (registry.isReserved(name)) {
            throw new BadParameterException("name", "'" + name + "' is reserved for a bucket");
        }
        if (Project.findByName(name).isPresent()) {
            throw new ClientErrorException("project " + name + " exists", 409);
        }
        Project project = new Project();
        project.name = name;
        project.displayName = registration.displayName();
        project.owner = registration.owner();
        project.description = registration.description();
        project.discovered = false;
        project.createdAt = Instant.now();
        project.persist();
        return view(project);
    }

    private ProjectView view(Project project) {
        List<String> workloads = Workload.<Workload>list("projectId = ?1 order by name", project.id)
                .stream()
                .map(workload -> workload.name)
                .toList();
        YearMonth latest = emissions.latestMonth(project.name);
        EmissionsReport report = latest == null ? null
                : emissions.report(project.name, latest, latest, List.of());
        return new ProjectView(project.name, project.displayName, project.owner,
                project.description, project.discovered, project.createdAt, workloads,
                latest == null ? null : latest.toString(),
                report == null ? Map.of() : report.totals());
    }
}
