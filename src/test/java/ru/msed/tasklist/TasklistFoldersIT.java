package ru.msed.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;

/** The shared Tasklist folders exist, are at most eight, and show each role its own work. */
@MsedIntegrationTest
class TasklistFoldersIT {

    @Autowired
    FilterService filters;
    @Autowired
    ProcessDriver driver;

    @Test
    void foldersShowEachRoleItsWorkWithTheCardColumns() {
        List<Filter> all = filters.createFilterQuery().list();
        assertThat(all).extracting(Filter::getName).contains("Входящие документы", "На рассмотрение", "На исполнение",
                "На контроле", "Просроченные", "Заявки на подключение", "На согласование", "На подпись");
        assertThat(all).hasSizeLessThanOrEqualTo(TasklistFolders.MAX_FOLDERS);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> columns = (List<Map<String, String>>) folder("На исполнение").getProperties().get("variables");
        assertThat(columns).extracting(c -> c.get("name")).contains("registrationNumber", "summary", "deadline");

        // The resolution's tasks are in the consideration the document's regulation calls.
        ProcessInstance instance = driver.consideration(driver.onExecution("executor3", List.of(), true));
        assertThat(listAs("executor3", "На исполнение")).extracting(Task::getProcessInstanceId).contains(instance.getId());
        assertThat(listAs("executor1", "На исполнение")).extracting(Task::getProcessInstanceId).doesNotContain(instance.getId());
        assertThat(listAs("controller", "На исполнение")).extracting(Task::getProcessInstanceId).doesNotContain(instance.getId());

        ProcessInstance registering = driver.startRegistration();
        assertThat(listAs("registrar", "Входящие документы")).extracting(Task::getProcessInstanceId)
                .contains(registering.getId());
        ProcessInstance drafting = driver.consideration(driver.registered());
        assertThat(listAs("assistant", "На рассмотрение")).extracting(Task::getProcessInstanceId).contains(drafting.getId());
        assertThat(listAs("executor3", "На рассмотрение")).extracting(Task::getProcessInstanceId).doesNotContain(drafting.getId());
    }

    private Filter folder(String name) {
        return filters.createFilterQuery().filterName(name).singleResult();
    }

    private List<Task> listAs(String user, String folder) {
        return driver.as(user, () -> filters.list(folder(folder).getId()));
    }
}
