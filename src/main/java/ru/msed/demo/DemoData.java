package ru.msed.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.organization.Department;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.OrganizationService.NewEmployee;
import ru.msed.organization.Role;

/** One demo organization with a person in every role; the README lists the logins. Not in prod. */
@Component
@Order(10)
@ConditionalOnProperty(name = "msed.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String ORGANIZATION_CODE = "DEMO";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrganizationService organizations;
    private final DemoProperties properties;

    DemoData(OrganizationService organizations, DemoProperties properties) {
        this.organizations = organizations;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organizations.findOrganization(ORGANIZATION_CODE).isPresent()) {
            return;
        }
        Organization org = organizations.createOrganization(ORGANIZATION_CODE,
                "Министерство цифрового развития Демонстрационной области", "Минцифры ДО");
        Department chancellery = organizations.createDepartment(org, "Канцелярия", "dept-chancellery");
        Department management = organizations.createDepartment(org, "Руководство", "dept-management");
        Department office = organizations.createDepartment(org, "Приёмная руководителя", "dept-office");
        Department appeals = organizations.createDepartment(org, "Отдел по работе с обращениями граждан", "dept-appeals");
        Department finance = organizations.createDepartment(org, "Финансовый отдел", "dept-finance");
        Department legal = organizations.createDepartment(org, "Юридический отдел", "dept-legal");
        Department control = organizations.createDepartment(org, "Отдел контроля исполнения", "dept-control");
        Department it = organizations.createDepartment(org, "Отдел информатизации", "dept-it");

        person(chancellery, "registrar", "Смирнова", "Анна", "Петровна", "Делопроизводитель", Role.REGISTRAR);
        person(office, "assistant", "Кузнецова", "Мария", "Ивановна", "Помощник руководителя", Role.ASSISTANT);
        // The assistant also prepares drafts for citizens' appeals (see document-routing.dmn).
        organizations.addToGroup("assistant", appeals.getGroupId(), appeals.getName());
        person(management, "manager", "Петров", "Сергей", "Николаевич", "Министр", Role.MANAGER);
        person(finance, "executor1", "Иванов", "Иван", "Иванович", "Главный специалист", Role.EXECUTOR);
        person(finance, "executor2", "Соколова", "Елена", "Викторовна", "Ведущий специалист", Role.EXECUTOR);
        person(legal, "executor3", "Волков", "Дмитрий", "Алексеевич", "Юрисконсульт", Role.EXECUTOR);
        person(control, "controller", "Морозова", "Ольга", "Сергеевна", "Контролёр", Role.CONTROLLER);
        person(it, "admin", "Орлов", "Павел", "Андреевич", "Администратор организации", Role.ORGANIZATION_ADMIN);
        organizations.createSupportUser("support", "Служба", "Техподдержки", properties.password());
        organizations.createSupportUser("support-lead", "Руководитель", "Техподдержки", properties.password());
        organizations.addToGroup("support-lead", "support-lead", "Руководство технической поддержки");
        person(it, "analyst", "Лебедева", "Татьяна", "Олеговна", "Аналитик процессов");
        organizations.addToGroup("analyst", "process-analyst", "Аналитики процессов");
        log.info("Demo organization {} created with demo users (password from msed.demo.password)", ORGANIZATION_CODE);
    }

    private void person(Department department, String userId, String lastName, String firstName, String patronymic,
            String position, Role... roles) {
        organizations.createEmployee(department,
                new NewEmployee(userId, lastName, firstName, patronymic, position, userId + "@demo.msed.local"),
                properties.password(), List.of(roles));
    }
}
