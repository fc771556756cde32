package dev.aicarbon.service.api;

import dev.aicarbon.service.model.Project;
import jakarta.ws.rs.NotFoundException;

/** The check every per-project resource starts with. */
final class ProjectScope {

    private ProjectScope() {
    }

    /** The project's name; 404 when the registry does not know it. */
    static String known(String project) {
        if (Project.findByName(project).isEmpty()) {
            throw new NotFoundException("no project " + project);
        }
        return project;
    }
}
