package ru.msed.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.msed.document.CardSearch;
import ru.msed.migration.LegacyImport;

/**
 * {@code java -jar msed.jar --benchmark [--benchmark.organizations=1000] [--benchmark.cards=1000000]
 * [--benchmark.open=200000] [--benchmark.lifecycles=200] [--benchmark.workers=4]}: loads a synthetic
 * region through the import path, runs complete lifecycles through the same services the forms use
 * and the same number of user tasks in a bare Camunda process, measures a user's Tasklist query
 * and card search at that size, memory and database size; prints a table and writes
 * {@code target/benchmark.json}. Run it on a database of its own (see README).
 */
@Component
@Order(100)
class BenchmarkCommand implements ApplicationRunner {

    private final LegacyImport importer;
    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final CardSearch search;
    private final ConfigurableApplicationContext context;

    BenchmarkCommand(LegacyImport importer, ProcessEngine engine, JdbcTemplate jdbc, CardSearch search,
            ConfigurableApplicationContext context) {
        this.importer = importer;
        this.engine = engine;
        this.jdbc = jdbc;
        this.search = search;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption("benchmark")) {
            return;
        }
        int organizations = option(args, "benchmark.organizations", 1000);
        int cards = option(args, "benchmark.cards", 1_000_000);
        int open = option(args, "benchmark.open", 200_000);
        int lifecycles = option(args, "benchmark.lifecycles", 200);
        int workers = option(args, "benchmark.workers", 4);
        int batch = option(args, "benchmark.batch", 5000);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("parameters", Map.of("organizations", organizations, "cards", cards, "openAssignments", open,
                "lifecycles", lifecycles, "workers", workers, "importBatch", batch, "cores", Runtime.getRuntime().availableProcessors()));

        System.out.println("== 1. Synthetic region through the import path");
        seedOrganizations(organizations);
        Path csv = Path.of("target/benchmark-cards.csv");
        Files.createDirectories(csv.getParent());
        writeCards(csv, organizations, cards, open);
        Path rejects = Path.of("target/benchmark-rejects.csv");
        Files.deleteIfExists(rejects);
        LegacyImport.Result imported = importer.run(csv, rejects, StandardCharsets.UTF_8, batch, p -> { });
        report.put("import", Map.of("records", imported.records(), "imported", imported.imported(),
                "rejected", imported.rejected(), "runningInstances", imported.runningInstances(),
                "seconds", imported.took().toMillis() / 1000.0, "cardsPerSecond", Math.round(imported.cardsPerSecond())));
        System.out.printf("   %d cards, %d running instances in %.1f s: %.0f cards/s%n", imported.imported(),
                imported.runningInstances(), imported.took().toMillis() / 1000.0, imported.cardsPerSecond());

        System.out.println("== 2. Lifecycles: MSED services vs a bare Camunda process with the same user tasks");
        Map<String, List<Long>> msedSteps = new ConcurrentHashMap<>();
        long msedNanos = timed(lifecycles, workers, () -> msedLifecycle(msedSteps));
        deployBare();
        Map<String, List<Long>> bareSteps = new ConcurrentHashMap<>();
        long bareNanos = timed(lifecycles, workers, () -> bareLifecycle(bareSteps));
        report.put("lifecycles", Map.of(
                "msed", lifecycleReport(lifecycles, msedNanos, msedSteps),
                "bare", lifecycleReport(lifecycles, bareNanos, bareSteps),
                "overheadRatio", Math.round(100.0 * msedNanos / bareNanos) / 100.0));

        System.out.println("== 3. Tasklist query and card search at this size");
        report.put("queries", Map.of("tasklist", latency(300, this::tasklistQuery), "cardSearch", latency(300, this::cardSearch)));

        System.out.println("== 4. Memory and database");
        Runtime runtime = Runtime.getRuntime();
        long rss = rssKb();
        long databaseBytes = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
        long documents = jdbc.queryForObject("SELECT count(*) FROM document", Long.class);
        report.put("memory", Map.of("heapUsedMiB", (runtime.totalMemory() - runtime.freeMemory()) / 1048576,
                "heapPeakMiB", peakHeapMiB(), "heapMaxMiB", runtime.maxMemory() / 1048576, "rssMiB", rss / 1024));
        report.put("database", Map.of("bytes", databaseBytes, "documents", documents,
                "kibPer1000Cards", documents == 0 ? 0 : databaseBytes / 1024 * 1000 / documents));

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(Path.of("target/benchmark.json"), json.writeValueAsString(report));
        System.out.println(json.writeValueAsString(report));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private void seedOrganizations(int count) {
        if (jdbc.queryForObject("SELECT count(*) FROM organization WHERE code LIKE 'B%' AND code ~ '^B[0-9]+$'", Long.class) >= count) {
            return;
        }
        for (int i = 1; i <= count; i++) {
            String code = String.format("B%05d", i);
            Long org = jdbc.queryForObject("""
                    INSERT INTO organization (code, full_name, short_name) VALUES (?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET short_name = EXCLUDED.short_name RETURNING id""", Long.class,
                    code, "Организация " + i, "Орг " + i);
            jdbc.update("INSERT INTO act_id_tenant (id_, name_, rev_) VALUES (?, ?, 1) ON CONFLICT DO NOTHING", code, "Орг " + i);
            Long department = jdbc.queryForObject("""
                    INSERT INTO department (organization_id, name, group_id) VALUES (?, 'Отдел', 'dept-work')
                    ON CONFLICT (organization_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id""", Long.class, org);
            for (int e = 1; e <= 5; e++) {
                jdbc.update("""
                        INSERT INTO employee (organization_id, department_id, user_id, last_name, first_name, position)
                        VALUES (?, ?, ?, ?, 'Иван', 'Исполнитель') ON CONFLICT (user_id) DO NOTHING""",
                        org, department, code.toLowerCase() + "-e" + e, "Исполнитель" + e);
            }
        }
    }

    private static void writeCards(Path csv, int organizations, int cards, int open) throws Exception {
        String[] words = {"отопительный", "сезон", "ремонт", "дорог", "бюджет", "запрос", "сведения", "программа",
            "образование", "здравоохранение", "строительство", "жалоба", "обращение", "транспорт", "экология"};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(String.join(";", List.of("organization_code", "kind", "registration_number", "registration_date",
                    "correspondent", "summary", "resolution_text", "executor", "deadline", "executed_on", "execution_mark",
                    "file_reference", "files")));
            out.write('\n');
            LocalDate base = LocalDate.of(2025, 1, 9);
            for (int i = 0; i < cards; i++) {
                int org = i % organizations + 1;
                String code = String.format("B%05d", org);
                LocalDate date = base.plusDays(i % 600);
                boolean isOpen = i < open;
                String executor = code.toLowerCase() + "-e" + (i % 5 + 1);
                String summary = "О " + words[i % words.length] + " и " + words[(i / 7) % words.length] + " № " + i;
                out.write(code + ";INCOMING;Вх-" + i + ";" + date + ";Корреспондент " + (i % 997) + ";" + summary
                        + ";Рассмотреть и подготовить ответ;" + executor + ";" + LocalDate.of(2026, 12, 1).plusDays(i % 20)
                        + ";" + (isOpen ? "" : date.plusDays(5)) + ";" + (isOpen ? "" : "Исполнено") + ";01-01;\n");
            }
        }
    }

    private String msedLifecycle(Map<String, List<Long>> steps) {
        ProcessInstance instance = step(steps, "start", () -> as("registrar",
                () -> engine.getRuntimeService().startProcessInstanceByKey("incoming-document")));
        complete(steps, instance, "Task_FillRegistrationCard", "registrar", Map.of("receivedDate", LocalDate.now().toString(),
                "correspondent", "Администрация", "summary", "Бенчмарк: о сведениях", "deliveryMethod", "MEDO",
                "sheetCount", 1, "topic", "GENERAL"));
        complete(steps, instance, "Task_DraftResolution", "assistant", Map.of("resolutionText", "Подготовить",
                "responsibleExecutor", "executor1", "deadline", LocalDate.now().plusDays(10).toString(), "onControl", true));
        complete(steps, instance, "Task_ReviewResolution", "manager", Map.of("managerDecision", "approve"));
        complete(steps, instance, "Task_ExecuteAssignment", "executor1", Map.of("reportText", "Исполнено"));
        complete(steps, instance, "Task_ControlReport", "controller", Map.of("controllerDecision", "accept"));
        complete(steps, instance, "Task_CloseDocument", "registrar", Map.of("executionMark", "Исполнено", "fileReference", "01"));
        return instance.getId();
    }

    private String bareLifecycle(Map<String, List<Long>> steps) {
        ProcessInstance instance = step(steps, "start", () -> engine.getRuntimeService().startProcessInstanceByKey("benchmark-bare"));
        for (int i = 1; i <= 6; i++) {
            String key = "Task_" + i;
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                    .singleResult();
            step(steps, key, () -> {
                engine.getTaskService().complete(task.getId(), Map.of("value", "x"));
                return null;
            });
        }
        return instance.getId();
    }

    private void complete(Map<String, List<Long>> steps, ProcessInstance instance, String key, String user,
            Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
        step(steps, key, () -> as(user, () -> {
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        }));
    }

    private <T> T as(String user, Supplier<T> action) {
        var identity = engine.getIdentityService();
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(user).list().stream().map(Tenant::getId).toList());
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static <T> T step(Map<String, List<Long>> steps, String name, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        steps.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
        return result;
    }

    private void deployBare() {
        AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess("benchmark-bare").camundaHistoryTimeToLive(1)
                .startEvent();
        for (int i = 1; i <= 6; i++) {
            builder = builder.userTask("Task_" + i).camundaAssignee("benchmark");
        }
        BpmnModelInstance model = builder.endEvent().done();
        engine.getRepositoryService().createDeployment().name("benchmark-bare").addModelInstance("benchmark-bare.bpmn", model)
                .enableDuplicateFiltering(true).deploy();
    }

    private static long timed(int lifecycles, int workers, Supplier<String> lifecycle) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicLong left = new AtomicLong(lifecycles);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    lifecycle.get();
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        return System.nanoTime() - start;
    }

    private static Map<String, Object> lifecycleReport(int lifecycles, long nanos, Map<String, List<Long>> steps) {
        Map<String, Object> report = new LinkedHashMap<>();
        double seconds = nanos / 1e9;
        long completions = steps.entrySet().stream().filter(e -> !e.getKey().equals("start")).mapToLong(e -> e.getValue().size()).sum();
        report.put("seconds", Math.round(seconds * 100) / 100.0);
        report.put("lifecyclesPerSecond", Math.round(lifecycles / seconds * 10) / 10.0);
        report.put("taskCompletionsPerSecond", Math.round(completions / seconds * 10) / 10.0);
        Map<String, Object> perStep = new LinkedHashMap<>();
        steps.forEach((name, values) -> perStep.put(name, percentiles(values)));
        report.put("stepsMs", perStep);
        System.out.printf("   %d lifecycles in %.1f s: %.1f/s, %.1f task completions/s%n", lifecycles, seconds,
                lifecycles / seconds, completions / seconds);
        return report;
    }

    private Map<String, Object> latency(int runs, Runnable query) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.run();
            times.add(System.nanoTime() - start);
        }
        return percentiles(times);
    }

    private void tasklistQuery() {
        String user = "b00001-e" + (int) (Math.random() * 5 + 1);
        as(user, () -> engine.getTaskService().createTaskQuery().or().taskAssignee(user)
                .taskCandidateGroupIn(List.of("dept-work")).endOr().orderByDueDate().asc().listPage(0, 15));
    }

    private void cardSearch() {
        long organization = jdbc.queryForObject("SELECT id FROM organization WHERE code = 'B00001'", Long.class);
        search.search(organization, new CardSearch.Criteria("отопительный сезон", null, null, null, null, 0, 20));
    }

    private static Map<String, Object> percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        for (int p : new int[] {50, 95, 99}) {
            result.put("p" + p, Math.round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1))
                    / 1e4) / 100.0);
        }
        result.put("n", sorted.size());
        return result;
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / 1048576;
    }

    private static long rssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }

    private static int option(ApplicationArguments args, String name, int fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : Integer.parseInt(values.get(0));
    }
}
