package ru.msed.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.msed.connection.ConnectionRequestValidator.Context;
import ru.msed.connection.ConnectionTemplate.HeaderField;
import ru.msed.organization.Employee;
import ru.msed.organization.OrganizationService;

/**
 * The automatic check of a workbook: the template's own rules ({@link ConnectionRequestValidator})
 * against what the system already holds — the organization connected or not, its departments and
 * staff, and whether the applicant may change it.
 */
@Component
class WorkbookCheck {

    private final OrganizationService organizations;
    private final Applicants applicants;

    WorkbookCheck(OrganizationService organizations, Applicants applicants) {
        this.organizations = organizations;
        this.applicants = applicants;
    }

    /** Every problem of the workbook, in Russian, by row; empty when it can be provisioned. */
    List<String> problems(ConnectionWorkbook workbook, String applicant) {
        if (!workbook.fileProblems().isEmpty() && workbook.header().isEmpty()) {
            return workbook.fileProblems();
        }
        String code = workbook.value(HeaderField.ORGANIZATION_CODE);
        List<String> extra = new ArrayList<>();
        Context context = new Context(false, Set.of(), Set.of());
        if (code != null) {
            var organization = organizations.findOrganization(code);
            if (organization.isEmpty()) {
                extra.add("Организация с кодом «" + code + "» (ячейка B11) не подключена к МСЭД.");
            } else {
                Long applicantOrganization = applicants.organizationOf(applicant);
                if (!applicants.isSupport(applicant) && !organization.get().getId().equals(applicantOrganization)) {
                    extra.add("Изменения можно подавать только для своей организации (ячейка B11).");
                }
                context = new Context(true,
                        organizations.departments(organization.get().getId()).stream()
                                .map(d -> d.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                        organizations.staff(organization.get().getId()).stream().filter(Employee::isEnabled)
                                .map(Provisioning::fullName).collect(Collectors.toSet()));
            }
        } else if (workbook.value(HeaderField.INN) != null) {
            organizations.findOrganizationByInn(workbook.value(HeaderField.INN)).ifPresent(existing -> extra.add(
                    "Организация с ИНН " + existing.getInn() + " уже подключена (код «" + existing.getCode()
                            + "»): для изменений укажите этот код в ячейке B11 и действия в таблице."));
        }
        List<String> problems = new ArrayList<>(extra);
        problems.addAll(ConnectionRequestValidator.validate(workbook, context));
        return problems;
    }
}
