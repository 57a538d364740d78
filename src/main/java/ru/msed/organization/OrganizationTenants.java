package ru.msed.organization;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each organization is a Camunda tenant (id = organization code). The diagrams are shared (deployed
 * without tenant, so an analyst changes a regulation once); every process instance gets the
 * tenant of the organization of the user who starts it (a user's variable cannot choose another),
 * and the engine's tenant check then keeps tasks, variables and history of one organization away
 * from the others. Nothing is left without a tenant: what belongs to no organization is support's.
 */
@Component
class OrganizationTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    /** Lets a system start (an import, a timer) name the organization explicitly. */
    static final String ORGANIZATION_CODE_VARIABLE = "organizationCode";

    // Lazy: the plugin is built before the engine, the template needs only the DataSource.
    private final ObjectProvider<JdbcTemplate> jdbc;

    OrganizationTenants(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        String userId = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        if (userId == null) {
            // A system start (import, exchange, connection request) names the organization.
            Object explicit = context.getVariables() == null ? null : context.getVariables().get(ORGANIZATION_CODE_VARIABLE);
            return explicit != null ? explicit.toString() : OrganizationService.SUPPORT_TENANT;
        }
        List<String> codes = jdbc.getObject().queryForList("""
                SELECT o.code FROM employee e JOIN organization o ON o.id = e.organization_id WHERE e.user_id = ?""",
                String.class, userId);
        // Someone of no organization (technical support): never an instance every organization could see.
        return codes.isEmpty() ? OrganizationService.SUPPORT_TENANT : codes.get(0);
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() != null ? context.getExecution().getTenantId() : null;
    }
}
