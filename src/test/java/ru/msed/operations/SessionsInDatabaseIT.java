package ru.msed.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.MsedIntegrationTest;

/** A webapp login and its CSRF token are kept in PostgreSQL, where every node of a cluster finds them. */
@MsedIntegrationTest
class SessionsInDatabaseIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loginAndCsrfTokenAreStoredInTheDatabase() throws Exception {
        ClusterIT.Browser browser = new ClusterIT.Browser();
        browser.login(port, "controller");
        String token = browser.fetchToken(port);

        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM spring_session_attributes WHERE attribute_name = 'CAMUNDA_CSRF_TOKEN'
                   AND position(convert_to(?, 'UTF8') IN attribute_bytes) > 0""", Integer.class, token)).isEqualTo(1);
        // The same session row holds the login (the webapps' Authentications, with the user) and the token.
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM spring_session_attributes login JOIN spring_session_attributes csrf USING (session_primary_id)
                 WHERE login.attribute_name = 'authenticatedUser' AND position(convert_to('controller', 'UTF8') IN login.attribute_bytes) > 0
                   AND csrf.attribute_name = 'CAMUNDA_CSRF_TOKEN' AND position(convert_to(?, 'UTF8') IN csrf.attribute_bytes) > 0""",
                Integer.class, token)).isEqualTo(1);
    }
}
