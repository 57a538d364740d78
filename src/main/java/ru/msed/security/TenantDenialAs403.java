package ru.msed.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine refuses another organization's task or instance with ENGINE-13034 ("belongs to no
 * authenticated tenant"), which its REST API would answer with 500. That is a refusal, not a
 * failure: answer 403 like any other authorization error. Everything else goes to Camunda's handler.
 */
@Component
class TenantDenialAs403 implements ResourceConfigCustomizer {

    static final String UNAUTHORIZED_TENANT = "ENGINE-13034";

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
        config.register(WrappedMapper.class);
    }

    @Priority(1)
    public static class Mapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            if (exception.getMessage() != null && exception.getMessage().contains(UNAUTHORIZED_TENANT)) {
                return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "AuthorizationException",
                                "message", "Объект принадлежит другой организации."))
                        .build();
            }
            return camunda.toResponse(exception);
        }
    }

    /** Some resources (task complete, submit-form) wrap the engine's refusal in a RestException. */
    @Priority(1)
    public static class WrappedMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            if (exception.getMessage() != null && exception.getMessage().contains(UNAUTHORIZED_TENANT)) {
                return new Mapper().toResponse(new ProcessEngineException(exception.getMessage()));
            }
            return camunda.toResponse(exception);
        }
    }
}
