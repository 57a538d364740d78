package ru.msed.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's own API ({@code /api}) as OpenAPI 3 at {@code /api/openapi.json}: every
 * operation documents the Russian RFC 9457 problem bodies it may answer with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Ошибка в данных: `detail` и `errors` объясняют по-русски, что исправить; ничего не записано.",
            "401", "Нужен вход: сессия веб-приложений МСЭД или HTTP Basic.",
            "403", "Нет доступа (роль, организация или смена пароля).",
            "404", "Не найдено — в том числе объект другой организации или карточка ДСП, недоступная пользователю.");

    @Bean
    OpenAPI msedOpenApi() {
        return new OpenAPI()
                .info(new Info().title("МСЭД API").version("1").description(
                        "Собственный API МСЭД: карточки, файлы, подписи, отчёты, администрирование. Ошибки — RFC 9457 "
                                + "(application/problem+json) с русскими title и detail. API движка процессов — /engine-rest."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema().example("Ошибка в данных"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("Укажите корреспондента (организацию-отправителя)."));
        problem.addProperty("errors", new ArraySchema().items(new StringSchema()));
        return api -> {
            api.getComponents().addSchemas("Problem", problem);
            addProblems(api);
        };
    }

    private static void addProblems(OpenAPI api) {
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                PROBLEMS.forEach((status, description) -> operation.getResponses().putIfAbsent(status, new ApiResponse()
                        .description(description).content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new ObjectSchema().$ref("#/components/schemas/Problem"))))))));
    }
}
