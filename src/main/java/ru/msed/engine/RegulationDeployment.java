package ru.msed.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys each regulation as a bundle: a diagram from {@code processes/} together with the forms
 * ({@code forms/}) and decision tables it names, as deployment {@code msed-<process id>}. The
 * diagrams bind forms and decisions with {@code binding="deployment"}, so they must travel
 * together: when any file of a bundle changed, the whole bundle gets a new version (a changed
 * form reaches new documents); a bundle whose files are all unchanged is not deployed again.
 * Resources are named by file name only, so the jar and {@code target/classes} give the same names.
 */
@Component
class RegulationDeployment extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_PREFIX = "msed-";
    private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");
    private static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"([^\"$]+)\"");
    private static final Logger log = LoggerFactory.getLogger(RegulationDeployment.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        Map<String, byte[]> diagrams = read("classpath*:processes/**/*.bpmn");
        Map<String, byte[]> decisions = read("classpath*:processes/**/*.dmn");
        Map<String, byte[]> forms = read("classpath*:forms/**/*.form");
        diagrams.forEach((fileName, content) -> {
            String xml = new String(content, StandardCharsets.UTF_8);
            Matcher process = PROCESS_ID.matcher(xml);
            if (!process.find()) {
                throw new IllegalStateException(fileName + " has no process");
            }
            DeploymentBuilder bundle = processEngine.getRepositoryService().createDeployment()
                    .name(DEPLOYMENT_PREFIX + process.group(1))
                    .source("msed-application")
                    // false: if any file of the bundle changed, deploy the whole bundle.
                    .enableDuplicateFiltering(false)
                    .addInputStream(fileName, new ByteArrayInputStream(content));
            add(bundle, FORM_REF.matcher(xml), forms, ".form", fileName);
            add(bundle, DECISION_REF.matcher(xml), decisions, ".dmn", fileName);
            var definitions = bundle.deployWithResult().getDeployedProcessDefinitions();
            log.info("Regulation {}: {}", process.group(1),
                    definitions == null || definitions.isEmpty() ? "unchanged" : "new version deployed");
        });
    }

    private static void add(DeploymentBuilder bundle, Matcher references, Map<String, byte[]> files, String suffix,
            String diagram) {
        while (references.find()) {
            String id = references.group(1);
            byte[] file = files.get(id + suffix);
            if (file == null) {
                throw new IllegalStateException(diagram + " refers to " + id + suffix + ", which does not exist");
            }
            if (!bundle.getResourceNames().contains(id + suffix)) {
                bundle.addInputStream(id + suffix, new ByteArrayInputStream(file));
            }
        }
    }

    private static Map<String, byte[]> read(String pattern) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream content = resource.getInputStream()) {
                    files.put(resource.getFilename(), content.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the regulations to deploy (" + pattern + ")", e);
        }
        return files;
    }
}
