package ru.msed.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.msed.organization.Role;
import ru.msed.organization.StaffAdministration;

/**
 * The engine's authorizations for the roles, granted once at start-up (idempotent). Tasks need
 * no grant here: the engine authorizes a task's candidate groups and assignee itself.
 */
@Component
@Order(0)
class RoleAuthorizations implements ApplicationRunner {

    /** Process analysts deploy regulations (Camunda Modeler → /engine-rest) and watch them in Cockpit. */
    static final String PROCESS_ANALYST_GROUP = "process-analyst";
    /** The head of technical support: overdue connection requests escalate to them. */
    static final String SUPPORT_LEAD_GROUP = "support-lead";

    private final AuthorizationService authorizations;

    RoleAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            grant(role.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role.groupId(), Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(role.groupId(), Resources.USER, "*", Permissions.READ);
            grant(role.groupId(), Resources.GROUP, "*", Permissions.READ);
        }
        grant(Role.REGISTRAR.groupId(), Resources.PROCESS_DEFINITION, "incoming-document",
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(Role.REGISTRAR.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // Written and oral citizens' appeals are registered by the office (online ones start by themselves).
        grant(Role.REGISTRAR.groupId(), Resources.PROCESS_DEFINITION, "citizen-appeal",
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        // Outgoing documents are drafted by staff of these roles (the diagram's candidate starters).
        for (Role author : List.of(Role.EXECUTOR, Role.ASSISTANT, Role.REGISTRAR, Role.MANAGER)) {
            grant(author.groupId(), Resources.PROCESS_DEFINITION, "outgoing-document", ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(author.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        // Connection requests are started by the application from an upload, never by a user directly.
        revoke(Role.ORGANIZATION_ADMIN.groupId(), Resources.PROCESS_DEFINITION, "connection-request");
        revoke(Role.ORGANIZATION_ADMIN.groupId(), Resources.PROCESS_INSTANCE, "*");
        grant(SUPPORT_LEAD_GROUP, Resources.APPLICATION, "tasklist", Permissions.ACCESS);

        for (String watcher : List.of(Role.CONTROLLER.groupId(), PROCESS_ANALYST_GROUP)) {
            grant(watcher, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(watcher, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
            grant(watcher, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grant(watcher, Resources.DECISION_DEFINITION, "*", Permissions.READ);
            grant(watcher, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        grant(PROCESS_ANALYST_GROUP, Resources.DEPLOYMENT, "*", Permissions.CREATE);
        grant(PROCESS_ANALYST_GROUP, Resources.APPLICATION, "tasklist", Permissions.ACCESS);

        // Technical support: the engine exempts camunda-admin from the tenant check, not from
        // authorization checks in queries, so the group holds every permission explicitly.
        for (Resource resource : Resources.values()) {
            grant(StaffAdministration.SUPPORT_GROUP, resource, "*", Permissions.ALL);
        }
        // Tasklist's folders are readable per role: tasklist/TasklistFolders grants them.
    }

    private void revoke(String groupId, Resource resource, String resourceId) {
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list()
                .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
