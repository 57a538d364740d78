package ru.msed.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;

/** Every page and API answer carries the security headers; the application's pages run no inline script. */
@MsedIntegrationTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void theSigningPageCannotBeFramedAndRunsOnlyScriptsOfThisSite() {
        HttpHeaders headers = Http.anonymous(port).get().uri("/signing.html?documentId=1").retrieve().toBodilessEntity()
                .getHeaders();
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        String policy = headers.getFirst("Content-Security-Policy");
        assertThat(policy).contains("frame-ancestors 'none'", "script-src 'self';", "object-src 'none'", "default-src 'self'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void everyKindOfAnswerCarriesTheHeaders() {
        for (String path : List.of("/login.html", "/js/login.js", "/login-api/organizations?q=a", "/api/account",
                "/api/documents/999999999", "/engine-rest/task", "/camunda/app/tasklist/", "/camunda/api/engine/engine/default/task",
                "/no-such-page")) {
            ResponseEntity<String> response = Http.as(port, "registrar").get().uri(path).retrieve().toEntity(String.class);
            HttpHeaders headers = response.getHeaders();
            assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(headers.getFirst("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
        }
        // The webapps keep their own policy (AngularJS needs its nonce and eval).
        assertThat(Http.anonymous(port).get().uri("/camunda/app/tasklist/").retrieve().toEntity(String.class).getHeaders()
                .getFirst("Content-Security-Policy")).contains("'nonce-", "'unsafe-eval'");
    }

    @Test
    void theApplicationsPagesHaveNoInlineScriptsOrHandlers() throws IOException {
        Resource[] pages = new PathMatchingResourcePatternResolver().getResources("classpath:static/*.html");
        assertThat(pages).isNotEmpty();
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
        for (Resource page : pages) {
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            assertThat(inlineScript.matcher(html).find()).as(page.getFilename()).isFalse();
            assertThat(handler.matcher(html).find()).as(page.getFilename()).isFalse();
        }
    }
}
