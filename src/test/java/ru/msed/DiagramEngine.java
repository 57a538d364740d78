package ru.msed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import ru.msed.calendar.TestCalendars;

/**
 * A throwaway in-memory engine (H2) for testing a diagram alone: the diagram with its forms and
 * decision tables from {@code processes/} and {@code forms/} (and the diagrams it calls, with theirs),
 * the real working-days calendar, and
 * stubbed delegates registered by name per test. Built once per test JVM, in about a second; each
 * path then runs in milliseconds. What the delegates do on PostgreSQL is the integration tests' job.
 */
public final class DiagramEngine {

    private static final Map<Object, Object> BEANS = new HashMap<>();
    private static final Pattern CALLED_ELEMENT = Pattern.compile("calledElement=\"([^\"$]+)\"");
    private static ProcessEngine engine;

    private DiagramEngine() {
    }

    /** The engine with the given diagram (and the forms and decisions it names) deployed, assertions bound to it. */
    public static synchronized ProcessEngine with(String diagram, String... decisions) {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName("diagrams");
            configuration.setJdbcUrl("jdbc:h2:mem:diagrams;DB_CLOSE_DELAY=-1");
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
            configuration.setJobExecutorActivate(false);
            configuration.setEnforceHistoryTimeToLive(true);
            configuration.setDefaultSerializationFormat("application/json");
            configuration.setBeans(BEANS);
            configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
            // As in the application: every diagram path also runs through its cheaper check of inserted ids.
            configuration.getProcessEnginePlugins().add(new ru.msed.engine.CheaperFlush());
            engine = configuration.buildProcessEngine();
            BEANS.put("workingDays", TestCalendars.workingDays());
            BEANS.put("calendarDays", TestCalendars.calendarDays());
        }
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(diagram).count() == 0) {
            deploy(diagram, decisions);
        }
        AbstractAssertions.init(engine);
        ClockUtil.reset();
        return engine;
    }

    /** A stubbed delegate under the name the diagram's delegateExpression uses. */
    public static void delegate(String name, JavaDelegate delegate) {
        BEANS.put(name, delegate);
    }

    private static void deploy(String diagram, String... decisions) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("test-" + diagram);
        Path file = Path.of("processes", diagram + ".bpmn");
        add(deployment, file);
        try {
            Matcher called = CALLED_ELEMENT.matcher(Files.readString(file));
            while (called.find()) {
                if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(called.group(1)).count() == 0) {
                    deploy(called.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String decision : decisions) {
            add(deployment, Path.of("processes", decision + ".dmn"));
        }
        try (var forms = Files.list(Path.of("forms"))) {
            forms.filter(form -> form.getFileName().toString().startsWith(diagram)).forEach(form -> add(deployment, form));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deployment.deploy();
    }

    private static void add(DeploymentBuilder deployment, Path file) {
        try {
            deployment.addString(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
