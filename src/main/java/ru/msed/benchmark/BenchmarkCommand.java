package ru.msed.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.msed.document.AttachmentService;
import ru.msed.document.CardSearch;
import ru.msed.document.CardVisibility;
import ru.msed.document.DocumentService;
import ru.msed.migration.LegacyImport;
import ru.msed.organization.Department;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.Role;
import ru.msed.signature.SignatureService;

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
    private final OrganizationService organizations;
    private final AttachmentService attachments;
    private final SignatureService signatures;
    private final String demoPassword;
    private final DocumentService documentService;

    BenchmarkCommand(LegacyImport importer, ProcessEngine engine, JdbcTemplate jdbc, CardSearch search,
            OrganizationService organizations, DocumentService documentService, AttachmentService attachments,
            SignatureService signatures, @org.springframework.beans.factory.annotation.Value("${msed.demo.password:demo}") String demoPassword) {
        this.documentService = documentService;
        this.organizations = organizations;
        this.attachments = attachments;
        this.signatures = signatures;
        this.demoPassword = demoPassword;
        this.importer = importer;
        this.engine = engine;
        this.jdbc = jdbc;
        this.search = search;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption("benchmark")) {
            return;
        }
        Parameters parameters = new Parameters(option(args, "benchmark.organizations", 1000),
                option(args, "benchmark.cards", 1_000_000), option(args, "benchmark.open", 200_000),
                option(args, "benchmark.lifecycles", 200), option(args, "benchmark.workers", 4),
                option(args, "benchmark.batch", 5000), Path.of("target"), option(args, "benchmark.files", 1000),
                text(args, "benchmark.password", DEFAULT_PASSWORD));
        Map<String, Object> report = measure(parameters);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(parameters.directory().resolve("benchmark.json"), json.writeValueAsString(report));
        System.out.println(BenchmarkTable.of(report));
        System.out.println("The same as JSON: " + parameters.directory().resolve("benchmark.json").toAbsolutePath());
    }

    /**
     * Sizes of one run; {@code directory} receives the generated file, its rejects and the report;
     * the first {@code files} cards each name a generated 256 KiB scan that the import loads into the content store.
     */
    record Parameters(int organizations, int cards, int open, int lifecycles, int workers, int batch, Path directory,
            int files, String password) {

        Parameters(int organizations, int cards, int open, int lifecycles, int workers, int batch, Path directory) {
            this(organizations, cards, open, lifecycles, workers, batch, directory, 0);
        }

        Parameters(int organizations, int cards, int open, int lifecycles, int workers, int batch, Path directory,
                int files) {
            this(organizations, cards, open, lifecycles, workers, batch, directory, files, DEFAULT_PASSWORD);
        }
    }

    /**
     * The synthetic staff's password: the load scenario logs them in with it (see {@code load-users.csv}).
     * A benchmark database is a throw-away one of its own.
     */
    static final String DEFAULT_PASSWORD = "Benchmark2026staff";

    Map<String, Object> measure(Parameters parameters) throws Exception {
        int organizations = parameters.organizations();
        int lifecycles = parameters.lifecycles();
        int workers = parameters.workers();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("parameters", Map.of("organizations", organizations, "cards", parameters.cards(),
                "openAssignments", parameters.open(), "lifecycles", lifecycles, "workers", workers, "importBatch", parameters.batch(), "cores", Runtime.getRuntime().availableProcessors()));

        System.out.println("== 1. Synthetic region through the import path");
        seedOrganizations(organizations, parameters.password());
        Path staff = writeStaff(parameters.directory().resolve("load-users.csv"), organizations, parameters.password());
        System.out.println("   staff for the load scenario: " + staff.toAbsolutePath());
        Path csv = parameters.directory().resolve("benchmark-cards.csv");
        Files.createDirectories(csv.getParent());
        writeCards(csv, organizations, parameters.cards(), parameters.open(), Math.min(parameters.files(), parameters.cards()));
        Path rejects = parameters.directory().resolve("benchmark-rejects.csv");
        Files.deleteIfExists(rejects);
        StatementProfile profile = new StatementProfile(jdbc);
        profile.reset();
        Cpu cpuBefore = cpu();
        LegacyImport.Result imported = importer.run(csv, rejects, StandardCharsets.UTF_8, parameters.batch(), p -> { });
        Cpu importCpuSpent = cpu().since(cpuBefore);
        long importCpu = importCpuSpent.total();
        List<Map<String, Object>> importStatements = profile.top(15);
        double instanceSeconds = imported.instancesTook().toMillis() / 1000.0;
        double seconds = imported.took().toMillis() / 1000.0;
        Map<String, Object> importReport = new LinkedHashMap<>();
        importReport.put("records", imported.records());
        importReport.put("imported", imported.imported());
        importReport.put("rejected", imported.rejected());
        importReport.put("runningInstances", imported.runningInstances());
        importReport.put("seconds", seconds);
        importReport.put("cardsPerSecond", Math.round(imported.cardsPerSecond()));
        // The two phases apart: cards (COPY and set-based inserts) and starting the open assignments' instances.
        importReport.put("cardPhaseSeconds", Math.round((seconds - instanceSeconds) * 10) / 10.0);
        importReport.put("cardPhaseCardsPerSecond", seconds - instanceSeconds <= 0 ? 0
                : Math.round(imported.imported() / (seconds - instanceSeconds)));
        importReport.put("instancePhaseSeconds", instanceSeconds);
        // CPU of this JVM and its PostgreSQL together: unlike the rates, it does not move with other processes' load.
        importReport.put("cpuSeconds", Math.round(importCpu / 1e7) / 100.0);
        importReport.put("cpuMsPerCard", Math.round(importCpu / 1e4 / Math.max(1, imported.imported())) / 100.0);
        // Which side the CPU went to: the JVM (engine, our code) or PostgreSQL (the rows, their indexes, the WAL).
        importReport.put("jvmCpuSeconds", Math.round(importCpuSpent.jvm() / 1e7) / 100.0);
        importReport.put("postgresCpuSeconds", Math.round(importCpuSpent.postgres() / 1e7) / 100.0);
        importReport.put("instancesPerSecond", instanceSeconds <= 0 ? 0 : Math.round(imported.runningInstances() / instanceSeconds));
        importReport.put("files", imported.files());
        importReport.put("fileMiB", imported.fileBytes() / 1048576);
        importReport.put("filesRejected", imported.filesRejected());
        importReport.put("filePhaseSeconds", imported.filesTook().toMillis() / 1000.0);
        importReport.put("filesPerSecond", Math.round(imported.filesPerSecond()));
        importReport.put("fileMiBPerSecond", Math.round(imported.fileMegabytesPerSecond() * 10) / 10.0);
        report.put("import", importReport);
        System.out.printf("   %d cards, %d running instances in %.1f s: %.0f cards/s%n", imported.imported(),
                imported.runningInstances(), imported.took().toMillis() / 1000.0, imported.cardsPerSecond());

        System.out.println("== 2. Lifecycles: MSED services and a bare Camunda process with the same user tasks, interleaved");
        deployBare();
        Map<String, List<Long>> msedSteps = new ConcurrentHashMap<>();
        Map<String, List<Long>> bareSteps = new ConcurrentHashMap<>();
        List<Long> msedTimes = Collections.synchronizedList(new ArrayList<>());
        List<Long> bareTimes = Collections.synchronizedList(new ArrayList<>());
        profile.reset();
        // Each worker alternates an MSED lifecycle and a bare one, so both meet the same machine (other
        // processes' load, the database's caches): run one after the other, the ratio moved with the load.
        long lifecyclesCpuBefore = cpu().total();
        interleaved(lifecycles, workers, List.of(() -> msedLifecycle(msedSteps), () -> bareLifecycle(bareSteps)),
                List.of(msedTimes, bareTimes));
        List<Map<String, Object>> lifecycleStatements = profile.top(15);
        long lifecyclesCpu = cpu().total() - lifecyclesCpuBefore;
        long msedNanos = msedTimes.stream().mapToLong(Long::longValue).sum();
        long bareNanos = bareTimes.stream().mapToLong(Long::longValue).sum();
        report.put("lifecycles", Map.of(
                "msed", lifecycleReport(lifecycles, msedNanos / workers, msedSteps, msedTimes),
                "bare", lifecycleReport(lifecycles, bareNanos / workers, bareSteps, bareTimes),
                "overheadRatio", Math.round(100.0 * msedNanos / bareNanos) / 100.0,
                "cpuSeconds", Math.round(lifecyclesCpu / 1e7) / 100.0));
        if (!lifecycleStatements.isEmpty()) {
            report.put("topStatements", Map.of("import", importStatements, "lifecycles", lifecycleStatements));
        }

        System.out.println("== 3. Tasklist query and card search at this size");
        Map<String, Object> queries = new LinkedHashMap<>();
        queries.put("tasklist", latency(300, this::tasklistQuery));
        queries.put("tasklistFolder", latency(300, this::folderPage));
        queries.put("folderCounts", latency(300, this::folderCounts));
        queries.put("cardSearch", latency(300, this::cardSearch));
        report.put("queries", queries);

        System.out.println("== 4. A circular letter to every organization through the exchange");
        report.put("circular", circularLetter(organizations));

        System.out.println("== 5. Memory and database");
        Runtime runtime = Runtime.getRuntime();
        long rss = rssKb();
        long databaseBytes = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
        long documents = documentService.count();
        report.put("memory", Map.of("heapUsedMiB", (runtime.totalMemory() - runtime.freeMemory()) / 1048576,
                "heapPeakMiB", peakHeapMiB(), "heapMaxMiB", runtime.maxMemory() / 1048576, "rssMiB", rss / 1024));
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("bytes", databaseBytes);
        database.put("documents", documents);
        database.put("kibPer1000Cards", documents == 0 ? 0 : databaseBytes / 1024 * 1000 / documents);
        // Where the bytes are: the largest tables with their indexes, per 1,000 cards.
        database.put("largestTables", jdbc.queryForList("""
                SELECT c.relname AS "table", pg_total_relation_size(c.oid) / 1048576 AS "mib",
                       pg_indexes_size(c.oid) / 1048576 AS "indexMiB", c.reltuples::bigint AS "rows",
                       pg_total_relation_size(c.oid) / 1024 * 1000 / greatest(?, 1) AS "kibPer1000Cards"
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname = current_schema()
                ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 15""", documents));
        report.put("database", database);
        return report;
    }

    /**
     * Organizations with a department and five executors each, created through the same service as
     * a connection request's provisioning: Camunda users with their groups and their tenant, so the
     * Tasklist query below runs with real authorizations and tenant checks.
     */
    private void seedOrganizations(int count, String password) {
        for (int i = 1; i <= count; i++) {
            String code = String.format("B%05d", i);
            if (organizations.findOrganization(code).isPresent()) {
                continue;
            }
            Organization organization = organizations.createOrganization(code, "Организация " + i, "Орг " + i);
            Department department = organizations.createDepartment(organization, "Отдел исполнения", "dept-work");
            for (int e = 1; e <= 5; e++) {
                organizations.createEmployee(department, new OrganizationService.NewEmployee(code.toLowerCase() + "-e" + e,
                        "Исполнитель" + e, "Иван", null, "Исполнитель", null), password, List.of(Role.EXECUTOR));
            }
        }
    }

    /** Every synthetic employee's public id (what the login page sends) and password, for the load scenario. */
    private Path writeStaff(Path csv, int count, String password) throws java.io.IOException {
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("staffId,password,userId\n");
            for (int i = 1; i <= count; i++) {
                Organization organization = organizations.findOrganization(String.format("B%05d", i)).orElseThrow();
                for (var employee : organizations.staff(organization.getId())) {
                    out.write(employee.getPublicId() + "," + password + "," + employee.getUserId() + "\n");
                }
            }
        }
        return csv;
    }

    private static void writeCards(Path csv, int organizations, int cards, int open, int files) throws Exception {
        Path scans = Files.createDirectories(csv.resolveSibling("benchmark-files"));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        byte[] scan = new byte[256 * 1024];
        for (int i = 0; i < files; i++) {
            // Different bytes per card, so nothing is stored once for two.
            for (int b = 0; b < scan.length; b += 8) {
                long value = random.nextLong();
                for (int k = 0; k < 8; k++) {
                    scan[b + k] = (byte) (value >>> (8 * k));
                }
            }
            Files.write(scans.resolve("scan-" + i + ".pdf"), scan);
        }
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
                String executor = code.toLowerCase() + "-e" + ((i / organizations) % 5 + 1);
                String summary = "О " + words[i % words.length] + " и " + words[(i / 7) % words.length] + " № " + i;
                out.write(code + ";INCOMING;Вх-" + i + ";" + date + ";Корреспондент " + (i % 997) + ";" + summary
                        + ";Рассмотреть и подготовить ответ;" + executor + ";" + LocalDate.of(2026, 12, 1).plusDays(i % 20)
                        + ";" + (isOpen ? "" : date.plusDays(5)) + ";" + (isOpen ? "" : "Исполнено") + ";01-01;"
                        + (i < files ? "benchmark-files/scan-" + i + ".pdf" : "") + "\n");
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

    /**
     * The ministry's letter to every organization of the region as one dispatch: drafted, approved and
     * signed in the demo organization, registered, then one delivery job per recipient, each its own
     * transaction starting the recipient's incoming regulation. The jobs run one after another, as the
     * job executor runs a process instance's exclusive jobs.
     */
    private Map<String, Object> circularLetter(int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            codes.add(String.format("B%05d", i));
        }
        long incomingBefore = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("incoming-document").count();
        ProcessInstance letter = as("executor1", () -> engine.getRuntimeService().startProcessInstanceByKey("outgoing-document"));
        long documentId = (Long) engine.getRuntimeService().getVariable(letter.getId(), "documentId");
        as("executor1", () -> attachments.add(documentId, "circular.pdf", "application/pdf",
                ("%PDF circular letter " + System.nanoTime()).getBytes(StandardCharsets.UTF_8), "executor1"));
        completeAs(letter, "Task_PrepareDraft", "executor1", Map.of("summary", "Циркулярное письмо всем организациям",
                "addressees", "Организации области (по МСЭД)", "signatoryUser", "manager", "approvalRoute", "executor2",
                "recipientOrganizations", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                        org.camunda.spin.Spin.JSON(codes).toString()).create()));
        completeAs(letter, "Task_GiveVisa", "executor2", Map.of("visaDecision", "approve"));
        as("manager", () -> signatures.signSimple(documentId, "manager", demoPassword));
        long dispatchStart = System.nanoTime();
        completeAs(letter, "Task_SignDocument", "manager", Map.of("signed", true));
        double dispatchSeconds = (System.nanoTime() - dispatchStart) / 1e9;

        var management = engine.getManagementService();
        List<String> jobs = management.createJobQuery().processInstanceId(letter.getId()).activityId("Task_DeliverPackage").list()
                .stream().map(org.camunda.bpm.engine.runtime.Job::getId).toList();
        List<Long> perDelivery = new ArrayList<>();
        long start = System.nanoTime();
        for (String job : jobs) {
            long one = System.nanoTime();
            try {
                management.executeJob(job);
            } catch (org.camunda.bpm.engine.ProcessEngineException e) {
                // Taken by the job executor meanwhile (the command runs with it): that counts as delivered too.
            }
            perDelivery.add(System.nanoTime() - one);
        }
        while (management.createJobQuery().processInstanceId(letter.getId()).activityId("Task_DeliverPackage").count() > 0
                && System.nanoTime() - start < 600_000_000_000L) {
            sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long arrived = jdbc.queryForObject("SELECT count(*) FROM exchange_package WHERE sender_document_id = ? AND recipient_document_id IS NOT NULL",
                Long.class, documentId);
        long started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("incoming-document").count()
                - incomingBefore;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("recipients", count);
        result.put("deliveryJobs", jobs.size());
        result.put("arrived", arrived);
        result.put("incomingInstancesStarted", started);
        result.put("dispatchSeconds", Math.round(dispatchSeconds * 100) / 100.0);
        result.put("deliverySeconds", Math.round(seconds * 100) / 100.0);
        result.put("deliveriesPerSecond", seconds <= 0 ? 0 : Math.round(arrived / seconds * 10) / 10.0);
        result.put("deliveryMs", percentiles(perDelivery));
        System.out.printf("   %d recipients: registration and dispatch %.1f s, %d delivered (%d incoming instances) in %.1f s: %.1f/s%n",
                count, dispatchSeconds, arrived, started, seconds, seconds <= 0 ? 0 : arrived / seconds);
        return result;
    }

    private void completeAs(ProcessInstance instance, String key, String user, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .taskAssignee(user).singleResult();
        as(user, () -> {
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String bareLifecycle(Map<String, List<Long>> steps) {
        ProcessInstance instance = step(steps, "start", () -> as(BARE_USER,
                () -> engine.getRuntimeService().startProcessInstanceByKey("benchmark-bare")));
        for (String key : STEPS) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                    .singleResult();
            step(steps, key, () -> as(BARE_USER, () -> {
                engine.getTaskService().complete(task.getId(), Map.of("value", "x"));
                return null;
            }));
        }
        return instance.getId();
    }

    private void complete(Map<String, List<Long>> steps, ProcessInstance instance, String key, String user,
            Map<String, Object> variables) {
        // By the card's id: the resolution's tasks are in the consideration the instance calls.
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(key).singleResult();
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

    /**
     * The bare process runs on the same engine with the same security as MSED (an authenticated
     * user of an organization, authorization and tenant checks), so the ratio measures our code.
     */
    private static final String BARE_USER = "registrar";

    /** The user tasks of one MSED lifecycle; the bare process has user tasks of the same ids, so steps compare side by side. */
    static final List<String> STEPS = List.of("Task_FillRegistrationCard", "Task_DraftResolution", "Task_ReviewResolution",
            "Task_ExecuteAssignment", "Task_ControlReport", "Task_CloseDocument");

    private void deployBare() {
        AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess("benchmark-bare").camundaHistoryTimeToLive(1)
                .startEvent();
        for (String key : STEPS) {
            builder = builder.userTask(key).camundaAssignee(BARE_USER);
        }
        var authorizations = engine.getAuthorizationService();
        if (authorizations.createAuthorizationQuery().groupIdIn(Role.REGISTRAR.groupId())
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("benchmark-bare").count() == 0) {
            var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(Role.REGISTRAR.groupId());
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId("benchmark-bare");
            grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
            authorizations.saveAuthorization(grant);
        }
        BpmnModelInstance model = builder.endEvent().done();
        engine.getRepositoryService().createDeployment().name("benchmark-bare").addModelInstance("benchmark-bare.bpmn", model)
                .enableDuplicateFiltering(true).deploy();
    }

    /**
     * CPU time so far of this JVM and of the PostgreSQL server with its backends, when it runs on this
     * machine (the embedded one: its postmaster is the parent of our connection's backend).
     */
    Cpu cpu() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long postgres = ProcessHandle.of(jdbc.queryForObject("SELECT pg_backend_pid()", Long.class)).flatMap(ProcessHandle::parent)
                .map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())
                        .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum())
                .orElse(0L);
        return new Cpu(jvm, postgres);
    }

    /** CPU nanoseconds of this JVM and of its PostgreSQL. */
    record Cpu(long jvm, long postgres) {

        long total() {
            return jvm + postgres;
        }

        Cpu since(Cpu before) {
            return new Cpu(jvm - before.jvm, postgres - before.postgres);
        }
    }

    /**
     * {@code lifecycles} runs of each kind on {@code workers} threads, each thread taking the kinds in
     * turn; every run's duration goes to its kind's list.
     */
    private static void interleaved(int lifecycles, int workers, List<Supplier<String>> kinds, List<List<Long>> times)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicLong left = new AtomicLong((long) lifecycles * kinds.size());
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int first = w;
            running.add(pool.submit(() -> {
                for (long turn = first; left.getAndDecrement() > 0; turn++) {
                    int kind = (int) (turn % kinds.size());
                    long start = System.nanoTime();
                    kinds.get(kind).get();
                    times.get(kind).add(System.nanoTime() - start);
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
    }

    /** {@code nanos}: the workers' time spent on this kind of lifecycle, per worker. */
    private static Map<String, Object> lifecycleReport(int lifecycles, long nanos, Map<String, List<Long>> steps,
            List<Long> durations) {
        Map<String, Object> report = new LinkedHashMap<>();
        double seconds = nanos / 1e9;
        lifecycles = durations.size();
        report.put("lifecycleMs", percentiles(durations));
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

    /** Latency percentiles of {@code runs} calls, and the rows the last call found (a query that finds nothing proves nothing). */
    private Map<String, Object> latency(int runs, Supplier<Integer> query) {
        List<Long> times = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            rows = query.get();
            times.add(System.nanoTime() - start);
        }
        Map<String, Object> result = percentiles(times);
        result.put("rows", rows);
        return result;
    }

    /** A user's Tasklist page: own and group tasks, earliest due date first, with authorization and tenant checks. */
    private int tasklistQuery() {
        String user = "b00001-e" + (int) (Math.random() * 5 + 1);
        return as(user, () -> engine.getTaskService().createTaskQuery().or().taskAssignee(user)
                .taskCandidateGroupIn(List.of("dept-work", "executor")).endOr().orderByDueDate().asc().listPage(0, 15)).size();
    }

    /** The executor's folder «На исполнение» as Tasklist opens it: the stored filter's query, first page. */
    private int folderPage() {
        String user = "b00001-e" + (int) (Math.random() * 5 + 1);
        return as(user, () -> {
            var filters = engine.getFilterService();
            String id = filters.createFilterQuery().filterName(EXECUTOR_FOLDER).singleResult().getId();
            return filters.listPage(id, 0, 15).size();
        });
    }

    /**
     * The folders with their counts, as the Tasklist plugin asks every 20 s ({@code GET filter?itemCount=true}):
     * the folders the user may read, then each one's count query. Rows: the tasks counted in all of them.
     */
    private int folderCounts() {
        String user = "b00001-e" + (int) (Math.random() * 5 + 1);
        return as(user, () -> {
            var filters = engine.getFilterService();
            long counted = 0;
            for (var filter : filters.createFilterQuery().filterResourceType("Task").list()) {
                counted += filters.count(filter.getId());
            }
            return (int) counted;
        });
    }

    static final String EXECUTOR_FOLDER = "На исполнение";

    private int cardSearch() {
        long organization = organizations.findOrganization("B00001").orElseThrow().getId();
        // An executor without office rights: the search applies the DSP rule as for any such user.
        var viewer = new CardVisibility.Viewer("b00001-e1", organization, false);
        return search.search(viewer, new CardSearch.Criteria("отопительного", null, null, null, null, 0, 20)).size();
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

    private static String text(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static int option(ApplicationArguments args, String name, int fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : Integer.parseInt(values.get(0));
    }
}
