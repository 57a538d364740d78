package ru.msed;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.organization.Department;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.OrganizationService.NewEmployee;
import ru.msed.organization.Role;

/** A second organization ("ALT", users alt-*), beside the demo one, for isolation tests. */
@Component
public class SecondOrganization {

    public static final String CODE = "ALT";
    private final OrganizationService organizations;

    SecondOrganization(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Transactional
    public void ensure() {
        if (organizations.findOrganization(CODE).isPresent()) {
            return;
        }
        Organization org = organizations.createOrganization(CODE, "Комитет по архитектуре Демонстрационной области", "Комархитектуры");
        Department chancellery = organizations.createDepartment(org, "Общий отдел", "dept-chancellery");
        Department office = organizations.createDepartment(org, "Приёмная председателя", "dept-office");
        Department work = organizations.createDepartment(org, "Отдел градостроительства", "dept-planning");
        Department control = organizations.createDepartment(org, "Сектор контроля", "dept-control");
        person(chancellery, "alt-registrar", "Ершова", Role.REGISTRAR);
        person(office, "alt-assistant", "Жукова", Role.ASSISTANT);
        person(office, "alt-manager", "Зайцев", Role.MANAGER);
        person(work, "alt-executor", "Ильин", Role.EXECUTOR);
        person(work, "alt-temp", "Козлов", Role.EXECUTOR);
        person(control, "alt-controller", "Лосева", Role.CONTROLLER);
        person(control, "alt-admin", "Макаров", Role.ORGANIZATION_ADMIN);
        Organization demo = organizations.findOrganization("DEMO").orElseThrow();
        Department legal = organizations.findDepartment(demo.getId(), "Юридический отдел").orElseThrow();
        person(legal, "demo-temp", "Новиков", Role.EXECUTOR);
        person(legal, "demo-lock", "Орехов", Role.EXECUTOR);
        person(legal, "demo-leaver", "Павлов", Role.EXECUTOR);
    }

    private void person(Department department, String userId, String lastName, Role role) {
        organizations.createEmployee(department, new NewEmployee(userId, lastName, "Тест", "Тестович", "Специалист", null),
                "demo", List.of(role));
    }
}
