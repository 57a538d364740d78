package ru.msed.security;

import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Every role may read users (READ on USER "*": Tasklist shows assignees' and candidates' names), but
 * only of their own organization: the engine's user queries — {@code /engine-rest/user},
 * {@code /user/count}, {@code /user/{id}/profile} and the same in the webapps' API — run for an
 * authenticated user as if they had asked for members of that user's tenant. Technical support
 * ({@code camunda-admin}) and the application itself (no authenticated user) see everybody; a user of
 * no organization sees only themselves. Groups are not restricted: role and department group ids are
 * shared names across organizations and carry no personal data.
 */
@Component
class OwnOrganizationUsers extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(Provider.class));
    }

    /** The engine's database identity provider with user queries narrowed to the caller's organization. */
    public static class Provider extends DbIdentityServiceProvider {

        @Override
        public List<User> findUserByQueryCriteria(DbUserQueryImpl query) {
            return narrowToOwnOrganization(query) ? super.findUserByQueryCriteria(query) : List.of();
        }

        @Override
        public long findUserCountByQueryCriteria(DbUserQueryImpl query) {
            return narrowToOwnOrganization(query) ? super.findUserCountByQueryCriteria(query) : 0;
        }

        /** Adds the caller's tenant to the query; false when the query can only find users of others. */
        static boolean narrowToOwnOrganization(DbUserQueryImpl query) {
            CommandContext command = Context.getCommandContext();
            Authentication caller = command == null ? null : command.getAuthentication();
            if (caller == null || caller.getUserId() == null || !command.isAuthorizationCheckEnabled()
                    || command.getAuthorizationManager().isCamundaAdmin(caller)) {
                return true;
            }
            List<String> tenants = caller.getTenantIds();
            if (tenants == null || tenants.isEmpty()) {
                if (query.getId() != null && !query.getId().equals(caller.getUserId())) {
                    return false;
                }
                query.userId(caller.getUserId());
                return true;
            }
            if (query.getTenantId() != null) {
                return tenants.contains(query.getTenantId());
            }
            // Staff belong to exactly one organization.
            query.memberOfTenant(tenants.get(0));
            return true;
        }
    }
}
