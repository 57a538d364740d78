package ru.msed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmark command at a size of seconds, so it never rots: every phase runs and measures
 * something real. A database of its own, as the README prescribes for the command, and an engine
 * of its own name: the engine registry is static, and the REST API of the other tests' context
 * must keep finding their "default" engine. The context is closed afterwards.
 */
@SpringBootTest(properties = {"msed.embedded-postgres.data-directory=target/benchmark-it-postgres",
    "camunda.bpm.process-engine-name=benchmark", "msed.files.directory=target/benchmark-it-files"})
@ActiveProfiles("test")
@DirtiesContext
class BenchmarkIT {

    @Autowired
    BenchmarkCommand benchmark;

    @Test
    @SuppressWarnings("unchecked")
    void everyPhaseRunsAndMeasuresRealWork() throws Exception {
        Path directory = Files.createDirectories(Path.of("target/benchmark-it"));

        Map<String, Object> report = benchmark.measure(new BenchmarkCommand.Parameters(3, 600, 60, 6, 2, 100, directory, 20));

        Map<String, Object> imported = (Map<String, Object>) report.get("import");
        assertThat(imported).containsEntry("imported", 600L).containsEntry("rejected", 0L).containsEntry("runningInstances", 60L)
                .containsEntry("files", 20L).containsEntry("filesRejected", 0L);
        // The import's CPU on both sides: the embedded PostgreSQL's processes are found and counted.
        assertThat((Double) imported.get("jvmCpuSeconds")).isPositive();
        assertThat((Double) imported.get("postgresCpuSeconds")).isPositive();
        Map<String, Object> lifecycles = (Map<String, Object>) report.get("lifecycles");
        for (String kind : new String[] {"msed", "bare"}) {
            Map<String, Map<String, Object>> steps = (Map<String, Map<String, Object>>) ((Map<String, Object>) lifecycles.get(kind)).get("stepsMs");
            assertThat(steps).as(kind).hasSize(7);
            assertThat(steps.values()).as(kind).allSatisfy(step -> assertThat(step.get("n")).isEqualTo(6));
        }
        assertThat((Double) lifecycles.get("overheadRatio")).isPositive();
        Map<String, Map<String, Object>> queries = (Map<String, Map<String, Object>>) report.get("queries");
        // An executor sees their own imported assignments; the search finds cards of their organization.
        assertThat((Integer) queries.get("tasklist").get("rows")).isPositive();
        assertThat((Integer) queries.get("cardSearch").get("rows")).isPositive();
        assertThat((Map<String, Object>) report.get("database")).extractingByKey("documents")
                .satisfies(documents -> assertThat(((Number) documents).longValue()).isGreaterThanOrEqualTo(600));
        // The circular letter reached every organization, each as an incoming regulation of its own.
        assertThat((Map<String, Object>) report.get("circular")).containsEntry("recipients", 3).containsEntry("arrived", 3L)
                .containsEntry("incomingInstancesStarted", 3L);
        assertThat(BenchmarkTable.of(report)).contains("Circular letter", "Import", "600 cards", "20 files", "overhead", "Tasklist query", "peak heap");
    }
}
