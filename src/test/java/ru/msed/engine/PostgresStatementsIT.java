package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msed.MsedIntegrationTest;

/** The replaced engine statements answer exactly what the engine's own ones answer. */
@MsedIntegrationTest
class PostgresStatementsIT {

    @Autowired
    ProcessEngine engine;

    @Test
    void authorizedGroupIdsAreTheSameAsTheEnginesOwnQuery() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
                .isEqualTo("msedSelectAuthorizedGroupIds");
        AuthorizationService authorizations = engine.getAuthorizationService();
        List<String> created = new java.util.ArrayList<>();
        for (String group : List.of("stmt-zeta", "stmt-alpha", "stmt-alpha", "stmt-mid")) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(Resources.TASK);
            grant.setResourceId("stmt-" + created.size());
            grant.addPermission(Permissions.READ);
            created.add(authorizations.saveAuthorization(grant).getId());
        }
        try {
            Set<String> engines = configuration.getCommandExecutorTxRequired().execute((Command<Set<String>>) context ->
                    context.getDbSqlSession().getSqlSession().<String>selectList("selectAuthorizedGroupIds").stream()
                            .filter(Objects::nonNull).collect(Collectors.toSet()));
            Set<String> ours = configuration.getCommandExecutorTxRequired().execute((Command<Set<String>>) context ->
                    new HashSet<>(context.getDbEntityManager().<String>selectList("selectAuthorizedGroupIds")));

            assertThat(ours).isEqualTo(engines).contains("stmt-zeta", "stmt-alpha", "stmt-mid").doesNotContainNull();
            List<String> filtered = configuration.getCommandExecutorTxRequired().execute(context ->
                    context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("stmt-alpha", "stmt-unknown")));
            assertThat(filtered).containsExactly("stmt-alpha");
        } finally {
            created.forEach(authorizations::deleteAuthorization);
        }
    }
}
