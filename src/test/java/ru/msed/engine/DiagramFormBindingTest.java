package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** Every user task of every diagram names a form that exists, for somebody, bound per deployment. */
class DiagramFormBindingTest {

    @Test
    void everyUserTaskHasAnExistingCamundaFormAndSomebodyToDoIt() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
                model.getModelElementsByType(Process.class).forEach(process ->
                        assertThat(process.getCamundaHistoryTimeToLiveString()).as("TTL of %s", process.getId()).isNotBlank());
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    String ref = task.getCamundaFormRef();
                    Path form = Path.of("forms", ref + ".form");
                    if (ref == null || !Files.exists(form)) {
                        problems.add(diagram + " " + task.getId() + ": no form " + ref);
                        continue;
                    }
                    JsonNode json = new ObjectMapper().readTree(form.toFile());
                    if (!ref.equals(json.get("id").asText())) {
                        problems.add(form + ": id " + json.get("id") + " differs from the file name");
                    }
                    if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                        problems.add(task.getId() + ": formRefBinding must be 'deployment'");
                    }
                    if (task.getCamundaAssignee() == null && task.getCamundaCandidateGroups() == null) {
                        problems.add(task.getId() + ": nobody to do it");
                    }
                    if (task.getName() == null || task.getName().isBlank()) {
                        problems.add(task.getId() + ": no name");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
