package dev.aicarbon.service.api;

import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.service.allocation.NothingToAllocateException;
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
    public Response refusedFile(CsvFormatException e) {
        LOG.debugf("Import refused: %s", e.getMessage());
        return json(400, new ApiError(400, e.getMessage(), null, e.source()));
    }

    @ServerExceptionMapper
    public Response nothingToAllocate(NothingToAllocateException e) {
        LOG.debugf("Nothing to allocate: %s", e.getMessage());
        return json(422, ApiError.of(422, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, ApiError.of(404, e.getMessage()));
    }

    private static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
