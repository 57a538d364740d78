package ru.msed.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static ru.msed.appeal.CitizenAppealVariables.TASK_CLOSE_APPEAL;
import static ru.msed.appeal.CitizenAppealVariables.TASK_CONTROL_ANONYMOUS_TERM;
import static ru.msed.appeal.CitizenAppealVariables.TASK_CONTROL_ANSWER_TERM;
import static ru.msed.appeal.CitizenAppealVariables.TASK_CONTROL_REGISTRATION_TERM;
import static ru.msed.appeal.CitizenAppealVariables.TASK_CONTROL_REVIEW_TERM;
import static ru.msed.appeal.CitizenAppealVariables.TASK_CONTROL_UNREADABLE_TERM;
import static ru.msed.appeal.CitizenAppealVariables.TASK_DECIDE_ABUSIVE_APPEAL;
import static ru.msed.appeal.CitizenAppealVariables.TASK_DECIDE_END_CORRESPONDENCE;
import static ru.msed.appeal.CitizenAppealVariables.TASK_DECIDE_TERM_EXTENSION;
import static ru.msed.appeal.CitizenAppealVariables.TASK_HANDLE_UNREADABLE_APPEAL;
import static ru.msed.appeal.CitizenAppealVariables.TASK_REGISTER_APPEAL;
import static ru.msed.appeal.CitizenAppealVariables.TASK_REVIEW_ANONYMOUS_APPEAL;
import static ru.msed.appeal.CitizenAppealVariables.TASK_REVIEW_APPEAL;
import static ru.msed.connection.ConnectionRequestVariables.TASK_ESCALATE_REVIEW;
import static ru.msed.connection.ConnectionRequestVariables.TASK_FIX_REQUEST;
import static ru.msed.connection.ConnectionRequestVariables.TASK_REVIEW_REQUEST;
import static ru.msed.consideration.DocumentConsiderationVariables.TASK_ACCEPT_ASSIGNMENT;
import static ru.msed.consideration.DocumentConsiderationVariables.TASK_CONTROL_REPORT;
import static ru.msed.consideration.DocumentConsiderationVariables.TASK_DECIDE_EXTENSION;
import static ru.msed.consideration.DocumentConsiderationVariables.TASK_DRAFT_RESOLUTION;
import static ru.msed.consideration.DocumentConsiderationVariables.TASK_EXECUTE_ASSIGNMENT;
import static ru.msed.consideration.DocumentConsiderationVariables.TASK_OVERDUE_CONTROL;
import static ru.msed.consideration.DocumentConsiderationVariables.TASK_REVIEW_RESOLUTION;
import static ru.msed.consideration.DocumentConsiderationVariables.TASK_REWORK_REPORT;
import static ru.msed.incoming.IncomingDocumentVariables.TASK_CLOSE_DOCUMENT;
import static ru.msed.incoming.IncomingDocumentVariables.TASK_CONSIDER_ARRIVAL;
import static ru.msed.incoming.IncomingDocumentVariables.TASK_FILL_REGISTRATION_CARD;
import static ru.msed.incoming.IncomingDocumentVariables.TASK_STAMP_NUMBER;
import static ru.msed.outgoing.OutgoingDocumentVariables.TASK_CHECK_DELIVERY;
import static ru.msed.outgoing.OutgoingDocumentVariables.TASK_GIVE_VISA;
import static ru.msed.outgoing.OutgoingDocumentVariables.TASK_PREPARE_DRAFT;
import static ru.msed.outgoing.OutgoingDocumentVariables.TASK_REVIEW_REFUSAL;
import static ru.msed.outgoing.OutgoingDocumentVariables.TASK_SIGN_DOCUMENT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.msed.organization.Role;
import ru.msed.organization.StaffAdministration;

/**
 * The staff's folders in Tasklist: shared filters, named as staff know them, with the card's
 * number, summary, deadline and correspondent as columns (task-local values, {@link FolderColumns}).
 * Created or brought up to date at every start; at most eight, as the manager's cabinet has.
 *
 * <p>Each folder is readable only by the roles whose tasks it can hold (a READ authorization per
 * group on that filter, no global one), and Tasklist opens the readable folder with the lowest
 * {@code priority} — so the order below puts every role's own work first: the registrar lands on
 * «Входящие документы», executors on «На исполнение», controllers on «На контроле», administrators
 * on «Заявки на подключение», the assistant and the manager on «На рассмотрение». Technical support
 * (camunda-admin) passes every authorization check and sees all folders; the property {@code home}
 * names the groups whose folder it is, which the Tasklist plugin uses to open it.
 *
 * <p>The tasks are named by the constants of each diagram's variables contract (a task of the shared
 * consideration lands in the same folder whichever document kind called it); {@code DiagramElementIdsTest}
 * fails when a diagram loses one of them.
 */
@Component
@Order(5)
class TasklistFolders implements ApplicationRunner {

    static final int MAX_FOLDERS = 8;
    static final String SUPPORT_LEAD_GROUP = "support-lead";

    private static final String REGISTRAR = Role.REGISTRAR.groupId();
    private static final String ASSISTANT = Role.ASSISTANT.groupId();
    private static final String MANAGER = Role.MANAGER.groupId();
    private static final String EXECUTOR = Role.EXECUTOR.groupId();
    private static final String CONTROLLER = Role.CONTROLLER.groupId();
    private static final String ORG_ADMIN = Role.ORGANIZATION_ADMIN.groupId();
    private static final String SUPPORT = StaffAdministration.SUPPORT_GROUP;
    /** Any colleague may be named in an approval route; these roles also draft outgoing documents. */
    private static final List<String> STAFF = List.of(REGISTRAR, ASSISTANT, MANAGER, EXECUTOR, CONTROLLER, ORG_ADMIN);

    private static final List<Map<String, String>> COLUMNS = List.of(
            column(FolderColumns.NUMBER, "Рег. №"),
            column(FolderColumns.SUMMARY, "Краткое содержание"),
            column(FolderColumns.DEADLINE, "Срок"),
            column(FolderColumns.CORRESPONDENT, "Корреспондент"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFolders(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        folder(1, "Входящие документы", "Регистрация поступивших документов и обращений, номера на оригиналах и списание исполненных в дело",
                "#1f6fb2", List.of(REGISTRAR), List.of(REGISTRAR),
                mine().taskDefinitionKeyIn(TASK_FILL_REGISTRATION_CARD, TASK_STAMP_NUMBER, TASK_CLOSE_DOCUMENT,
                        TASK_CONSIDER_ARRIVAL, TASK_CHECK_DELIVERY, TASK_REGISTER_APPEAL, TASK_CLOSE_APPEAL));
        folder(2, "На исполнение", "Мои поручения; просроченные и близкие к сроку — сверху", "#2e7d32",
                List.of(EXECUTOR), List.of(EXECUTOR),
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                        .taskDefinitionKeyIn(TASK_EXECUTE_ASSIGNMENT, TASK_REWORK_REPORT, TASK_ACCEPT_ASSIGNMENT)
                        .orderByTaskPriority().desc().orderByDueDate().asc());
        folder(3, "На контроле", "Отчёты на проверку, просроченные поручения и сроки обращений граждан", "#b26a00",
                List.of(CONTROLLER), List.of(CONTROLLER),
                mine().taskDefinitionKeyIn(TASK_CONTROL_REPORT, TASK_OVERDUE_CONTROL,
                        TASK_CONTROL_REGISTRATION_TERM, TASK_CONTROL_REVIEW_TERM, TASK_CONTROL_ANONYMOUS_TERM,
                        TASK_CONTROL_UNREADABLE_TERM, TASK_CONTROL_ANSWER_TERM));
        folder(4, "Заявки на подключение", "Проверка, исправление и разбор заявок на подключение к МСЭД", "#455a64",
                List.of(ORG_ADMIN, SUPPORT_LEAD_GROUP), List.of(ORG_ADMIN, SUPPORT_LEAD_GROUP, SUPPORT),
                mine().taskDefinitionKeyIn(TASK_REVIEW_REQUEST, TASK_FIX_REQUEST, TASK_ESCALATE_REVIEW));
        // Drafts go to the department the routing decision names; analysts change that table at run time,
        // so any department — any employee — may be asked to draft.
        folder(5, "На рассмотрение", "Проекты резолюций, запросы на перенос срока и обращения граждан", "#6b3fa0",
                STAFF, List.of(ASSISTANT, MANAGER),
                mine().taskDefinitionKeyIn(TASK_DRAFT_RESOLUTION, TASK_REVIEW_RESOLUTION, TASK_DECIDE_EXTENSION,
                        TASK_REVIEW_APPEAL, TASK_REVIEW_ANONYMOUS_APPEAL, TASK_DECIDE_ABUSIVE_APPEAL,
                        TASK_HANDLE_UNREADABLE_APPEAL, TASK_DECIDE_END_CORRESPONDENCE, TASK_DECIDE_TERM_EXTENSION));
        folder(6, "На согласование", "Проекты исходящих документов на визу; отклонённые — на доработку", "#00838f",
                STAFF, List.of(),
                mine().taskDefinitionKeyIn(TASK_GIVE_VISA, TASK_PREPARE_DRAFT, TASK_REVIEW_REFUSAL));
        folder(7, "На подпись", "Документы, ожидающие вашей подписи", "#ad1457",
                List.of(MANAGER), List.of(),
                mine().taskDefinitionKeyIn(TASK_SIGN_DOCUMENT));
        folder(8, "Просроченные", "Мои задачи и задачи моих групп с истёкшим сроком", "#c62828",
                concat(STAFF, List.of(SUPPORT_LEAD_GROUP)), List.of(),
                mine().dueBeforeExpression("${now()}"));
        // Before the folders were per role, one global grant let everybody read every filter.
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(Resources.FILTER)
                .list().forEach(global -> authorizations.deleteAuthorization(global.getId()));
    }

    /** Tasks assigned to the user or waiting in one of their groups, nearest deadline first. */
    private TaskQuery mine() {
        return tasks.createTaskQuery()
                .or()
                    .taskAssigneeExpression("${currentUser()}")
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr()
                .orderByDueDate().asc();
    }

    private void folder(int priority, String name, String description, String color, List<String> readers,
            List<String> home, TaskQuery query) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", COLUMNS);
        properties.put("home", home);
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(properties);
        filter = filters.saveFilter(filter);
        readableBy(filter.getId(), Set.copyOf(readers));
    }

    /** Exactly these groups may read the folder: grants are added, and removed from groups no longer listed. */
    private void readableBy(String filterId, Set<String> groups) {
        List<Authorization> existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.FILTER).resourceId(filterId).list();
        for (Authorization grant : existing) {
            if (grant.getGroupId() != null && !groups.contains(grant.getGroupId())) {
                authorizations.deleteAuthorization(grant.getId());
            }
        }
        for (String group : groups) {
            if (existing.stream().noneMatch(grant -> group.equals(grant.getGroupId()))) {
                Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(Resources.FILTER);
                grant.setResourceId(filterId);
                grant.addPermission(Permissions.READ);
                authorizations.saveAuthorization(grant);
            }
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static Map<String, String> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
