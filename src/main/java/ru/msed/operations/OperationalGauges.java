package ru.msed.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.msed.execution.OverdueAssignments;
import ru.msed.migration.ImportProgress;

/**
 * Gauges of the shared state (every node reports the same numbers): open incidents and tasks,
 * overdue assignments per organization, the latest import's progress. Counted by one background
 * thread every 30 seconds, never on the scrape, so Prometheus cannot load the database.
 */
@Component
class OperationalGauges implements DisposableBean {

    static final Duration PERIOD = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(OperationalGauges.class);

    private final ProcessEngine engine;
    private final OverdueAssignments overdue;
    private final ImportProgress imports;
    private final MultiGauge overdueByOrganization;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "msed-gauges");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot snapshot = new Snapshot(0, 0, ImportProgress.Latest.NONE);

    OperationalGauges(ProcessEngine engine, OverdueAssignments overdue, ImportProgress imports, MeterRegistry registry) {
        this.engine = engine;
        this.overdue = overdue;
        this.imports = imports;
        Gauge.builder("msed.incidents.open", () -> snapshot.incidents()).description("Open incidents (failed jobs and others)")
                .register(registry);
        Gauge.builder("msed.tasks.open", () -> snapshot.openTasks()).description("Open user tasks").register(registry);
        Gauge.builder("msed.import.records", () -> snapshot.latestImport().recordsDone())
                .description("Records read by the latest import").register(registry);
        Gauge.builder("msed.import.imported", () -> snapshot.latestImport().imported())
                .description("Cards created by the latest import").register(registry);
        Gauge.builder("msed.import.rejected", () -> snapshot.latestImport().rejected())
                .description("Rows rejected by the latest import").register(registry);
        Gauge.builder("msed.import.running", () -> snapshot.latestImport().running() ? 1 : 0)
                .description("1 while the latest import has not finished").register(registry);
        overdueByOrganization = MultiGauge.builder("msed.assignments.overdue")
                .description("Open assignments past their deadline, per organization").register(registry);
    }

    private record Snapshot(long incidents, long openTasks, ImportProgress.Latest latestImport) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresher.scheduleWithFixedDelay(this::refresh, 0, PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    void refresh() {
        try {
            long incidents = engine.getRuntimeService().createIncidentQuery().count();
            long tasks = engine.getTaskService().createTaskQuery().count();
            snapshot = new Snapshot(incidents, tasks, imports.latest());
            Map<String, Long> perOrganization = overdue.countByOrganization();
            overdueByOrganization.register(perOrganization.entrySet().stream()
                    .map(entry -> MultiGauge.Row.of(Tags.of("organization", entry.getKey()), entry.getValue()))
                    .toList(), true);
        } catch (RuntimeException e) {
            // A database hiccup must not kill the refresher; the next round tries again.
            log.warn("Gauges not refreshed: {}", e.getMessage());
        }
    }

    /**
     * Stops the refresher when the context starts closing, before the connection pool: a round that
     * is counting finishes first (the import and benchmark commands close right after they start it).
     */
    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        refresher.shutdown();
        if (!refresher.awaitTermination(30, TimeUnit.SECONDS)) {
            refresher.shutdownNow();
        }
    }

    public void destroy() {
        refresher.shutdownNow();
    }
}
