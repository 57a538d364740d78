package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msed.MsedIntegrationTest;

/** The start-up deployment: a diagram travels with its forms and decision table; unchanged bundles stay. */
@MsedIntegrationTest
class RegulationDeploymentIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RegulationDeployment deployment;

    @Test
    void deploysEachDiagramWithItsFormsAndDecisionsAndNothingWhenUnchanged() {
        deployment.postProcessEngineBuild(engine);
        ProcessDefinition latest = latest();

        assertThat(engine.getRepositoryService().getDeploymentResources(latest.getDeploymentId()))
                .extracting(Resource::getName)
                .contains("incoming-document.bpmn", "document-routing.dmn", "incoming-document-register.form",
                        "incoming-document-close.form");
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(latest.getDeploymentId())
                .singleResult().getName()).isEqualTo("msed-incoming-document");
        // The consideration it calls is a regulation of its own, deployed with its forms.
        ProcessDefinition consideration = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("document-consideration").latestVersion().singleResult();
        assertThat(engine.getRepositoryService().getDeploymentResources(consideration.getDeploymentId()))
                .extracting(Resource::getName)
                .contains("document-consideration.bpmn", "document-consideration-draft.form",
                        "document-consideration-execute.form", "document-consideration-extension.form",
                        "document-consideration-overdue.form");

        deployment.postProcessEngineBuild(engine);
        assertThat(latest().getVersion()).isEqualTo(latest.getVersion());
    }

    private ProcessDefinition latest() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("incoming-document")
                .latestVersion().singleResult();
    }
}
