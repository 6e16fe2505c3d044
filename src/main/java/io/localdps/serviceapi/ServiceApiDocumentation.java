package io.localdps.serviceapi;

import io.localdps.https.ServiceApiRequest;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OpenAPI description of the service API (springdoc, served with its Swagger UI on the HTTPS
 * port). Controllers are mapped under the internal {@link ServiceApiRequest#PREFIX} and spell fixed
 * segments as case-insensitive captures; the description shows the paths clients call instead,
 * with the api-version parameter and SAS header every call needs.
 */
@Configuration(proxyBeanMethods = false)
class ServiceApiDocumentation {

    static final String SAS = "sharedAccessSignature";

    /** Captures that stand for one fixed, case-insensitive segment, by the name they are declared with. */
    private static final Map<String, String> FIXED_SEGMENTS = Map.of(
            "{query}", "query", "{mechanism}", "attestationmechanism");

    @Bean
    OpenApiCustomizer serviceApiPaths() {
        return openApi -> {
            openApi.info(new Info().title("LocalDPS service API").version(ApiVersions.DOCUMENTED)
                    .description("The data-plane API of Azure IoT Hub Device Provisioning Service as LocalDPS serves it: "
                            + "enrollments, enrollment groups, registration records, queries and bulk operations. "
                            + "Authorize with a SharedAccessSignature token of a shared access policy (console: "
                            + "Shared access policies); every call needs ?api-version=."));
            openApi.components(Optional.ofNullable(openApi.getComponents()).orElseGet(Components::new).addSecuritySchemes(SAS, new SecurityScheme()
                    .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("Authorization")
                    .description("SharedAccessSignature sr=...&sig=...&se=...&skn=...")));
            openApi.addSecurityItem(new SecurityRequirement().addList(SAS));
            Paths external = new Paths();
            new TreeMap<>(openApi.getPaths() == null ? Map.of() : openApi.getPaths()).forEach((path, item) -> {
                if (path.startsWith(ServiceApiRequest.PREFIX + "/")) {
                    external.addPathItem(externalPath(path), described(item));
                }
            });
            openApi.setPaths(external);
            ServiceApiSchemas.describe(openApi);
        };
    }

    private static String externalPath(String internal) {
        String path = internal.substring(ServiceApiRequest.PREFIX.length());
        for (Map.Entry<String, String> fixed : FIXED_SEGMENTS.entrySet()) {
            path = path.replace(fixed.getKey(), fixed.getValue());
        }
        return path;
    }

    private static PathItem described(PathItem item) {
        for (Operation operation : item.readOperations()) {
            if (operation.getParameters() != null) {
                operation.getParameters().removeIf(parameter -> "path".equals(parameter.getIn())
                        && FIXED_SEGMENTS.containsKey("{" + parameter.getName() + "}"));
            }
            operation.addParametersItem(new Parameter().in("query").name("api-version").required(true)
                    .description("One of the accepted versions, e.g. " + ApiVersions.DOCUMENTED + ".")
                    .schema(new StringSchema()._default(ApiVersions.DOCUMENTED)));
        }
        return item;
    }

}
