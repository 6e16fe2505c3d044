package io.localdps.serviceapi;

import io.localdps.enrollment.Attestation;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Request and response schemas for the description. The controllers read and write JSON text
 * themselves (lenient parsing, Azure's error body), so springdoc sees only strings; this table
 * names the real types, from the same records the controllers use.
 */
final class ServiceApiSchemas {

    private record Shape(String path, PathItem.HttpMethod method, Class<?> request, Class<?> response, boolean array) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("/enrollments/{registrationId}", PathItem.HttpMethod.PUT, ApiIndividualEnrollment.class, ApiIndividualEnrollment.class, false),
            new Shape("/enrollments/{registrationId}", PathItem.HttpMethod.GET, null, ApiIndividualEnrollment.class, false),
            new Shape("/enrollments/{registrationId}/attestationmechanism", PathItem.HttpMethod.POST, null, Attestation.class, false),
            new Shape("/enrollments", PathItem.HttpMethod.POST, BulkController.BulkEnrollmentOperation.class, BulkResult.BulkEnrollmentOperationResult.class, false),
            new Shape("/enrollments/query", PathItem.HttpMethod.POST, QueryController.QuerySpecification.class, ApiIndividualEnrollment.class, true),
            new Shape("/enrollmentGroups/{enrollmentGroupId}", PathItem.HttpMethod.PUT, ApiEnrollmentGroup.class, ApiEnrollmentGroup.class, false),
            new Shape("/enrollmentGroups/{enrollmentGroupId}", PathItem.HttpMethod.GET, null, ApiEnrollmentGroup.class, false),
            new Shape("/enrollmentGroups/{enrollmentGroupId}/attestationmechanism", PathItem.HttpMethod.POST, null, Attestation.class, false),
            new Shape("/enrollmentGroups", PathItem.HttpMethod.POST, BulkController.BulkEnrollmentGroupOperation.class, BulkResult.BulkEnrollmentOperationResult.class, false),
            new Shape("/enrollmentGroups/query", PathItem.HttpMethod.POST, QueryController.QuerySpecification.class, ApiEnrollmentGroup.class, true),
            new Shape("/registrations/{registrationId}", PathItem.HttpMethod.GET, null, ApiRegistrationState.class, false),
            new Shape("/registrations/{enrollmentGroupId}/query", PathItem.HttpMethod.POST, QueryController.QuerySpecification.class, ApiRegistrationState.class, true));

    static {
        ModelConverters.getInstance().addConverter(new JsonNodesAsObjects());
    }

    private ServiceApiSchemas() {
    }

    /**
     * The twin sections are Jackson 3 {@code ObjectNode}s, which swagger-core (Jackson 2) would take
     * for a bean and fail on; in JSON they are free-form objects.
     */
    private static final class JsonNodesAsObjects implements ModelConverter {
        @Override
        public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            if (tools.jackson.databind.JsonNode.class.isAssignableFrom(raw)) {
                return new ObjectSchema();
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        }
    }

    /** @param openApi with the external paths already in place */
    static void describe(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        for (Shape shape : SHAPES) {
            PathItem item = openApi.getPaths().get(shape.path());
            Operation operation = item == null ? null : item.readOperationsMap().get(shape.method());
            if (operation == null) {
                continue;
            }
            if (shape.request() != null) {
                operation.requestBody(new RequestBody().required(!shape.path().startsWith("/registrations/"))
                        .content(json(schemaOf(openApi, shape.request()))));
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            Schema<?> schema = schemaOf(openApi, shape.response());
            responses.addApiResponse("200", new ApiResponse().description("OK")
                    .content(json(shape.array() ? new ArraySchema().items(schema) : schema)));
            operation.responses(responses);
        }
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> schemaOf(OpenAPI openApi, Class<?> type) {
        Map<String, Schema> schemas = ModelConverters.getInstance().readAll(type);
        schemas.forEach(openApi.getComponents()::addSchemas);
        String name = ModelConverters.getInstance().read(type).keySet().stream().findFirst().orElse(type.getSimpleName());
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
