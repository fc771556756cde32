package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Roles;
import dev.aicarbon.service.sync.ProviderStatus;
import dev.aicarbon.service.sync.SyncReport;
import dev.aicarbon.service.sync.SyncService;
import dev.aicarbon.service.sync.SyncStatusQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Pulling emissions and usage from the clouds' own exports")
public class SyncResource {

    private static final Set<String> PROVIDERS = Set.of("aws", "azure", "gcp");

    @Inject
    SyncService sync;

    @Inject
    SyncStatusQuery status;

    /**
     * A sync request: one month, or a range; optionally one provider; force repeats pulls that
     * succeeded within the resume window (default six hours).
     */
    public record SyncRequest(String month, String from, String to, String provider, Boolean force,
            String resumeWindow) {
    }

    @POST
    @Path("/sync")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pull a month or a range from the configured providers and import it",
            description = "Idempotent: content pulled before is not stored again. New content for "
                    + "a month already held is a restatement: a new version, the old one kept, "
                    + "the month's allocation marked stale. A month the provider has not "
                    + "published yet answers NOT_YET_AVAILABLE with the expected date.")
    public SyncReport sync(SyncRequest request) {
        SyncRequest body = request == null ? new SyncRequest(null, null, null, null, null, null) : request;
        YearMonth from;
        YearMonth to;
        if (body.month() != null) {
            if (body.from() != null || body.to() != null) {
                throw new BadParameterException("month", "give month, or from and to, not both");
            }
            from = Months.required("month", body.month());
            to = from;
        } else {
            from = Months.required("from", body.from());
            to = body.to() == null ? from : Months.required("to", body.to());
        }
        if (to.isBefore(from)) {
            throw new BadParameterException("to", "to " + to + " is before from " + from);
        }
        if (body.provider() != null && !PROVIDERS.contains(body.provider())) {
            throw new BadParameterException("provider", "provider must be aws, azure or gcp");
        }
        Duration window = parseWindow(body.resumeWindow());
        return sync.sync(from, to, Optional.ofNullable(body.provider()),
                Boolean.TRUE.equals(body.force()), window, "api");
    }

    @GET
    @Path("/providers")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Per provider connection: last sync, months held with their versions, "
            + "data-availability horizon, last error")
    public List<ProviderStatus> providers() {
        return status.all();
    }

    private static Duration parseWindow(String text) {
        if (text == null) {
            return Duration.ofHours(6);
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException("resumeWindow", "resumeWindow must be an ISO-8601 duration such as PT6H");
        }
    }
}
