package ru.msed.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the regulations ({@code processes/*.bpmn|dmn}) and their forms ({@code forms/*.form})
 * as one deployment named {@value #DEPLOYMENT_NAME}. Resources are named by file name only, so
 * running from {@code target/classes} or from the jar gives the same names, and only files whose
 * content changed get a new version.
 */
@Component
class RegulationDeployment extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_NAME = "msed-regulations";
    private static final String[] PATTERNS = {
        "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"
    };
    private static final Logger log = LoggerFactory.getLogger(RegulationDeployment.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("msed-application")
                .enableDuplicateFiltering(true);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    try (InputStream content = resource.getInputStream()) {
                        deployment.addInputStream(resource.getFilename(), new java.io.ByteArrayInputStream(content.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the regulations to deploy", e);
        }
        var result = deployment.deployWithResult();
        // With duplicate filtering an unchanged set returns the previous deployment, without definitions.
        var definitions = result.getDeployedProcessDefinitions();
        log.info("Regulations deployment {}: {} process definitions deployed in this start", result.getId(),
                definitions == null ? 0 : definitions.size());
    }
}
