package dev.aicarbon.service.api;

import dev.aicarbon.allocation.estimate.InvalidEstimateException;
import dev.aicarbon.providers.FileRefusedException;
import dev.aicarbon.service.allocation.NothingToAllocateException;
import dev.aicarbon.service.methodology.MethodologyInputException;
import java.util.List;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps the service's exceptions to answers a client can act on. Client mistakes log at DEBUG. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        LOG.debugf("Bad parameter %s: %s", e.parameter(), e.getMessage());
        return json(400, new ApiError(400, e.getMessage(), e.parameter(), null));
    }

    @ServerExceptionMapper
    public Response invalidEstimate(InvalidEstimateException e) {
        LOG.debugf("Invalid estimate input %s: %s", e.field(), e.getMessage());
        return json(400, new ApiError(400, e.getMessage(), e.field(), null));
    }

    @ServerExceptionMapper
    public Response refusedFile(FileRefusedException e) {
        LOG.debugf("Import refused: %s", e.getMessage());
        return json(400, new ApiError(400, e.getMessage(), null, e.source()));
    }

    @ServerExceptionMapper
    public Response nothingToAllocate(NothingToAllocateException e) {
        LOG.debugf("Nothing to allocate: %s", e.getMessage());
        return json(422, ApiError.of(422, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unresolvedInputs(MethodologyInputException e) {
        LOG.debugf("Methodology inputs do not resolve: %s", e.problems());
        return Response.status(422)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new UnresolvedInputs(422, e.getMessage(), e.problems()))
                .build();
    }

    /** The body of a 422 for methodology inputs that do not resolve: every problem named. */
    public record UnresolvedInputs(int status, String message, List<String> problems) {
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, ApiError.of(404, e.getMessage()));
    }

    private static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
