package ru.msed.migration;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.calendar.ProductionCalendar;
import ru.msed.content.ContentStore;
import ru.msed.content.ContentTooLargeException;
import ru.msed.document.AttachmentProperties;
import ru.msed.document.LegacyCards;
import ru.msed.execution.LegacyAssignments;
import ru.msed.incoming.IncomingDocumentVariables;
import ru.msed.organization.OrganizationService;
import ru.msed.resolution.LegacyResolutions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves registration cards from the legacy system: a CSV export (semicolon-separated, with a
 * header) or an .xlsx export (first sheet, header in the first row) streamed record by record, written in batches with PostgreSQL COPY, each batch one
 * transaction together with its checkpoint, so a stopped import resumes where it stopped and a
 * finished file imported again creates nothing. A bad row (encoding, missing column, broken date,
 * duplicate number, unknown organization or executor) goes to the rejects file with its reason and
 * never stops the import. Open assignments continue as running process instances with their
 * original deadlines; closed ones stay in the archive tables only. The files a card names (column
 * {@code files}: paths relative to the export, separated by {@code |}) stream into the content
 * store before their batch commits and become the card's attachments in it; a missing or
 * unreadable file goes to the rejects file (the card is imported without it), and importing a row
 * again adds only the files its card still lacks.
 */
@Service
public class LegacyImport {

    public static final List<String> COLUMNS = List.of("organization_code", "kind", "registration_number", "registration_date",
            "correspondent", "summary", "resolution_text", "executor", "deadline", "executed_on", "execution_mark",
            "file_reference", "files");
    static final Set<String> KINDS = Set.of("INCOMING", "OUTGOING", "INTERNAL", "APPEAL");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RuntimeService runtime;
    private final ProductionCalendar calendar;
    private final RepositoryService repository;
    private final int instanceThreads;
    private final int instanceChunk;
    private final ContentStore store;
    private final long maxFileBytes;
    private final LegacyCards cards;
    private final LegacyResolutions resolutions;
    private final LegacyAssignments assignments;
    private final OrganizationService organizations;
    private final CommandExecutor commands;

    LegacyImport(JdbcTemplate jdbc, TransactionTemplate transactions, RuntimeService runtime,
            ProductionCalendar calendar, RepositoryService repository,
            @Value("${msed.import.instance-threads:0}") int instanceThreads,
            @Value("${msed.import.instance-chunk:25}") int instanceChunk, ContentStore store,
            AttachmentProperties attachments, LegacyCards cards, LegacyResolutions resolutions, LegacyAssignments assignments,
            OrganizationService organizations, ProcessEngineConfigurationImpl engineConfiguration) {
        this.commands = engineConfiguration.getCommandExecutorTxRequired();
        this.store = store;
        this.cards = cards;
        this.resolutions = resolutions;
        this.assignments = assignments;
        this.organizations = organizations;
        this.maxFileBytes = attachments.maxSize().toBytes();
        this.repository = repository;
        // Starting instances is CPU work in the JVM and in PostgreSQL: one thread per core by default.
        this.instanceThreads = instanceThreads > 0 ? instanceThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
        // Starts per engine command. Not hundreds: the engine orders a flush's inserts by their references
        // comparing each with each, and at 200 starts that ordering took half of the import's CPU.
        this.instanceChunk = Math.max(1, instanceChunk);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.runtime = runtime;
        this.calendar = calendar;
    }

    public record Progress(long bytesRead, long bytesTotal, long records, long imported, long rejected, Duration elapsed) {
    }

    /**
     * {@code instancesTook} is the part of {@code took} spent starting the open assignments' process
     * instances, {@code filesTook} the part spent reading files into the store ({@code files} stored,
     * {@code fileBytes} bytes, {@code filesRejected} missing or unreadable).
     */
    public record Result(long records, long imported, long rejected, long runningInstances, boolean resumed,
            boolean alreadyImported, Duration took, Duration instancesTook, long files, long fileBytes, long filesRejected,
            Duration filesTook) {

        public Result(long records, long imported, long rejected, long runningInstances, boolean resumed,
                boolean alreadyImported, Duration took, Duration instancesTook) {
            this(records, imported, rejected, runningInstances, resumed, alreadyImported, took, instancesTook, 0, 0, 0,
                    Duration.ZERO);
        }

        public double cardsPerSecond() {
            return took.toMillis() == 0 ? imported : imported * 1000.0 / took.toMillis();
        }

        public double filesPerSecond() {
            return filesTook.toMillis() == 0 ? files : files * 1000.0 / filesTook.toMillis();
        }

        public double fileMegabytesPerSecond() {
            return filesTook.toMillis() == 0 ? 0 : fileBytes / 1048576.0 * 1000.0 / filesTook.toMillis();
        }
    }

    /** A file of a row, stored: it becomes an attachment of the row's card in the batch's transaction. */
    record StoredFile(long record, int position, String name, String contentType, long size, String key) {
    }

    /** A valid row, as it goes to the staging table. */
    record Row(long record, long organizationId, String organizationCode, String kind, String number, LocalDate date,
            String correspondent, String summary, String resolution, String executor, LocalDate deadline, LocalDate executedOn,
            String mark, String fileReference, String files) {

        /** An assignment still being executed: it continues in the regulation. */
        boolean open() {
            return executor != null && executedOn == null;
        }
    }

    public Result run(Path file, Path rejectsFile, Charset charset, int batchSize, Consumer<Progress> progress) {
        long started = System.nanoTime();
        String sha256 = sha256(file);
        Map<String, Object> previous = jdbc.query("""
                SELECT id, records_done, imported, rejected, finished_at FROM import_run
                WHERE file_sha256 = ? ORDER BY id DESC LIMIT 1""", rs -> rs.next()
                ? Map.of("id", rs.getLong(1), "done", rs.getLong(2), "imported", rs.getLong(3), "rejected", rs.getLong(4),
                        "finished", rs.getTimestamp(5) != null) : null, sha256);
        if (previous != null && (Boolean) previous.get("finished")) {
            return new Result(0, 0, 0, 0, false, true, Duration.ZERO, Duration.ZERO);
        }
        long runId = previous != null ? (Long) previous.get("id") : jdbc.queryForObject(
                "INSERT INTO import_run (file_name, file_sha256, started_at) VALUES (?, ?, now()) RETURNING id", Long.class,
                file.getFileName().toString(), sha256);
        long skip = previous == null ? 0 : (Long) previous.get("done");
        Map<String, Long> organizations = this.organizations.organizationIdsByCode();
        Map<String, Long> executors = this.organizations.enabledStaffOrganizations();
        long instancesNanos = 0;
        // records, imported, rejected, instances, files, file bytes, files rejected, nanoseconds reading files
        long[] counts = {skip, previous == null ? 0 : (Long) previous.get("imported"), previous == null ? 0 : (Long) previous.get("rejected"), 0,
            0, 0, 0, 0};
        Path directory = file.toAbsolutePath().getParent();
        try (LegacySource source = LegacySource.open(file, charset);
                BufferedWriter rejectsOut = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                CSVPrinter rejects = CSVFormat.DEFAULT.builder().setDelimiter(';').get().print(rejectsOut)) {
            List<String> missing = COLUMNS.stream().filter(c -> !source.header().contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("В файле нет столбцов: " + String.join(", ", missing)
                        + ". Нужны: " + String.join(";", COLUMNS));
            }
            if (skip == 0 && Files.size(rejectsFile) == 0) {
                rejects.printRecord("record", "reason", "registration_number", "organization_code");
            }
            List<Row> batch = new ArrayList<>(batchSize);
            List<String[]> batchRejects = new ArrayList<>();
            long last = skip;
            while (source.hasNext()) {
                LegacySource.Record record = source.next();
                long number = record.number();
                last = number;
                if (number <= skip) {
                    continue;
                }
                String problem = null;
                Row row = null;
                try {
                    row = parse(record, organizations, executors, calendar);
                } catch (RowRejected e) {
                    problem = e.getMessage();
                }
                if (row != null) {
                    batch.add(row);
                } else {
                    batchRejects.add(new String[] {Long.toString(number), problem, value(record, "registration_number"),
                            value(record, "organization_code")});
                }
                if (batch.size() + batchRejects.size() >= batchSize) {
                    flush(runId, number, batch, batchRejects, rejects, counts, directory);
                    progress.accept(new Progress(source.bytesRead(), source.bytesTotal(), counts[0], counts[1], counts[2],
                            Duration.ofNanos(System.nanoTime() - started)));
                }
            }
            flush(runId, last, batch, batchRejects, rejects, counts, directory);
            long instancesStarted = System.nanoTime();
            counts[3] = continueOpenAssignments(instanceThreads);
            instancesNanos = System.nanoTime() - instancesStarted;
            // Fresh statistics right away: autovacuum would get to the grown tables only later, and
            // until then the planner plans the engine's statements for the tables' old sizes. The whole
            // database: ANALYZE samples, so even the largest table takes seconds.
            jdbc.execute("ANALYZE");
            jdbc.update("UPDATE import_run SET finished_at = now() WHERE id = ?", runId);
            progress.accept(new Progress(source.bytesTotal(), source.bytesTotal(), counts[0], counts[1], counts[2],
                    Duration.ofNanos(System.nanoTime() - started)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(counts[0], counts[1], counts[2], counts[3], skip > 0, false,
                Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(instancesNanos), counts[4], counts[5], counts[6],
                Duration.ofNanos(counts[7]));
    }


    /**
     * Second phase: every imported open assignment without its process instance gets one, in
     * chunks of one transaction each, on parallel threads. Re-running it (a resumed import) starts
     * only the missing ones: the card remembers its instance.
     */
    private long continueOpenAssignments(int threads) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        // Resolved once: by key, every start would look the latest version up in the database again.
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("incoming-document")
                .withoutTenantId().latestVersion().singleResult().getId();
        Map<Long, String> codes = new HashMap<>();
        organizations.organizationIdsByCode().forEach((code, id) -> codes.put(id, code));
        long started = 0;
        long lastId = 0;
        try {
            while (true) {
                List<LegacyCards.Waiting> chunk = cards.waitingForProcess(lastId, instanceChunk * threads);
                if (chunk.isEmpty()) {
                    return started;
                }
                lastId = chunk.get(chunk.size() - 1).documentId();
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                for (int from = 0; from < chunk.size(); from += instanceChunk) {
                    List<LegacyCards.Waiting> part = chunk.subList(from, Math.min(chunk.size(), from + instanceChunk));
                    running.add(pool.submit(() -> transactions.executeWithoutResult(status -> {
                        // One engine command for the whole part: the starts inside it reuse its context, so
                        // the engine flushes the part's executions, tasks, variables and history rows once,
                        // as multi-row inserts, instead of once per instance.
                        List<Object[]> instances = commands.execute(context -> {
                            List<Object[]> ids = new ArrayList<>(part.size());
                            for (LegacyCards.Waiting card : part) {
                                ids.add(new Object[] {card.documentId(), continueExecution(definitionId, card,
                                        codes.get(card.organizationId()))});
                            }
                            return ids;
                        });
                        cards.linkProcesses(instances);
                    })));
                }
                for (java.util.concurrent.Future<?> future : running) {
                    future.get();
                }
                started += chunk.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Не удалось продолжить исполнение импортированного поручения", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** One transaction: the batch's cards, resolutions and assignments, and the checkpoint. */
    private void flush(long runId, long lastRecord, List<Row> batch, List<String[]> batchRejects, CSVPrinter rejects,
            long[] counts, Path directory) throws IOException {
        if (batch.isEmpty() && batchRejects.isEmpty()) {
            return;
        }
        List<String[]> duplicates = new ArrayList<>();
        // Files first, outside the transaction: if the batch then rolls back they are orphans for the sweep.
        long filesStarted = System.nanoTime();
        List<String[]> fileRejects = new ArrayList<>();
        List<StoredFile> files = storeFiles(batch, directory, fileRejects);
        counts[7] += System.nanoTime() - filesStarted;
        transactions.executeWithoutResult(status -> {
            List<LegacyCards.Written> written = cards.write(batch.stream().map(r -> new LegacyCards.Card(r.record(),
                    r.organizationId(), r.kind(), r.number(), r.date(), r.correspondent(), r.summary(), r.open(), r.mark(),
                    r.fileReference(), r.files())).toList());
            Map<Long, Long> documentOf = new HashMap<>();
            written.forEach(w -> documentOf.put(w.record(), w.documentId()));
            List<Row> resolved = new ArrayList<>();
            for (Row row : batch) {
                if (!documentOf.containsKey(row.record())) {
                    duplicates.add(new String[] {Long.toString(row.record()), "номер уже есть в системе или повторяется в файле",
                            row.number(), row.organizationCode()});
                } else if (row.executor() != null) {
                    resolved.add(row);
                }
            }
            List<Long> resolutionIds = resolutions.write(resolved.stream().map(r -> new LegacyResolutions.Legacy(
                    documentOf.get(r.record()), r.resolution(), r.executor(), r.deadline())).toList());
            cards.attach(filesOfFirstRecords(batch, files));
            List<LegacyAssignments.Legacy> legacyAssignments = new ArrayList<>(resolved.size());
            for (int i = 0; i < resolved.size(); i++) {
                Row r = resolved.get(i);
                legacyAssignments.add(new LegacyAssignments.Legacy(resolutionIds.get(i), r.executor(), r.deadline(), r.executedOn()));
            }
            assignments.write(legacyAssignments);
            long rejected = batchRejects.size() + duplicates.size();
            jdbc.update("UPDATE import_run SET records_done = ?, imported = imported + ?, rejected = rejected + ? WHERE id = ?",
                    lastRecord, batch.size() - duplicates.size(), rejected, runId);
        });
        for (String[] reject : batchRejects) {
            rejects.printRecord((Object[]) reject);
        }
        for (String[] duplicate : duplicates) {
            rejects.printRecord((Object[]) duplicate);
        }
        for (String[] fileReject : fileRejects) {
            rejects.printRecord((Object[]) fileReject);
        }
        rejects.flush();
        counts[4] += files.size();
        counts[5] += files.stream().mapToLong(StoredFile::size).sum();
        counts[6] += fileRejects.size();
        counts[0] = lastRecord;
        counts[1] += batch.size() - duplicates.size();
        counts[2] += batchRejects.size() + duplicates.size();
        batch.clear();
        batchRejects.clear();
    }

    /** Each row's files streamed into the store; a missing, unreadable or too large one becomes a reject line. */
    private List<StoredFile> storeFiles(List<Row> batch, Path directory, List<String[]> fileRejects) {
        List<StoredFile> stored = new ArrayList<>();
        for (Row row : batch) {
            if (row.files() == null) {
                continue;
            }
            int position = 0;
            for (String entry : row.files().split("\\|")) {
                String relative = entry.strip();
                if (relative.isEmpty()) {
                    continue;
                }
                position++;
                Path path = directory.resolve(relative).normalize();
                String name = path.getFileName() == null ? relative : path.getFileName().toString();
                String problem = null;
                if (!Files.isRegularFile(path)) {
                    problem = "файл «" + relative + "» не найден (" + path + ") — карточка импортирована без него";
                } else {
                    try (InputStream in = Files.newInputStream(path)) {
                        ContentStore.StoredContent content = store.put(in, maxFileBytes);
                        stored.add(new StoredFile(row.record(), position, limit(name, 255), contentType(name), content.size(),
                                content.key()));
                    } catch (ContentTooLargeException e) {
                        problem = "файл «" + relative + "» больше допустимых " + maxFileBytes / 1048576 + " МБ — карточка импортирована без него";
                    } catch (IOException | RuntimeException e) {
                        problem = "файл «" + relative + "» не читается (" + e.getMessage() + ") — карточка импортирована без него";
                    }
                }
                if (problem != null) {
                    fileRejects.add(new String[] {Long.toString(row.record()), problem, row.number(), row.organizationCode()});
                }
            }
        }
        return stored;
    }

    /**
     * The batch's files for their cards: those of the first record of each number (the one that is, or
     * was earlier, imported as the card; a repeated row's files are not its card's).
     */
    private static List<LegacyCards.File> filesOfFirstRecords(List<Row> batch, List<StoredFile> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        Map<String, Row> first = new HashMap<>();
        Map<Long, Row> byRecord = new HashMap<>();
        for (Row row : batch) {
            first.putIfAbsent(row.organizationId() + "\u0000" + row.kind() + "\u0000" + row.number(), row);
            byRecord.put(row.record(), row);
        }
        List<LegacyCards.File> named = new ArrayList<>();
        for (StoredFile file : files) {
            Row row = byRecord.get(file.record());
            if (first.get(row.organizationId() + "\u0000" + row.kind() + "\u0000" + row.number()) == row) {
                named.add(new LegacyCards.File(row.organizationId(), row.kind(), row.number(), file.record(), file.position(),
                        file.name(), file.contentType(), file.size(), file.key()));
            }
        }
        return named;
    }

    private static String contentType(String name) {
        return org.springframework.http.MediaTypeFactory.getMediaType(name).map(Object::toString).orElse("application/octet-stream");
    }

    /**
     * An open assignment goes on in the regulation, at its execution step: the card and what the
     * folders show are passed; the consideration reads the approved resolution (executors, deadline,
     * text) from the card itself, as the approval step would have set them.
     */
    private String continueExecution(String definitionId, LegacyCards.Waiting card, String organizationCode) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("organizationCode", organizationCode);
        variables.put("documentId", card.documentId());
        variables.put("registrationNumber", card.number());
        variables.put("summary", card.summary());
        if (card.correspondent() != null) {
            variables.put("correspondent", card.correspondent());
        }
        // Imported cards did not arrive through the exchange: no notifications go back to a sender.
        variables.put("arrivedByExchange", false);
        // The resolution is already approved: the consideration starts at its execution.
        variables.put("resolutionApproved", true);
        return runtime.createProcessInstanceById(definitionId).businessKey(Long.toString(card.documentId()))
                .setVariables(variables).startBeforeActivity(IncomingDocumentVariables.CONSIDERATION).execute().getId();
    }

    private static Row parse(LegacySource.Record record, Map<String, Long> organizations, Map<String, Long> executors,
            ProductionCalendar calendar) {
        if (!record.consistent()) {
            throw new RowRejected("неверное число столбцов: " + record.size() + " вместо " + COLUMNS.size());
        }
        for (String value : record.values().values()) {
            if (value == null) {
                continue;
            }
            if (value.indexOf('\uFFFD') >= 0) {
                throw new RowRejected("неверная кодировка строки (файл должен быть в заданной кодировке, по умолчанию UTF-8)");
            }
        }
        String code = required(record, "organization_code");
        Long organizationId = organizations.get(code);
        if (organizationId == null) {
            throw new RowRejected("организация «" + code + "» не подключена к МСЭД");
        }
        String kind = required(record, "kind").toUpperCase();
        if (!KINDS.contains(kind)) {
            throw new RowRejected("неизвестный вид документа «" + kind + "»");
        }
        String executor = blankToNull(record.get("executor"));
        if (executor != null && !organizationId.equals(executors.get(executor))) {
            throw new RowRejected("исполнитель «" + executor + "» не найден в организации");
        }
        LocalDate deadline = date(record, "deadline");
        if (executor != null && deadline == null) {
            throw new RowRejected("у поручения нет срока исполнения");
        }
        LocalDate executedOn = date(record, "executed_on");
        if (executor != null && executedOn == null && !(calendar.covers(deadline) && calendar.covers(deadline.minusDays(14)))) {
            // An open assignment continues in the diagram, which counts its dates in working days.
            throw new RowRejected("срок " + deadline + " вне производственного календаря (нет данных за " + deadline.getYear()
                    + " год): добавьте календарь и повторите импорт этой строки");
        }
        String summary = required(record, "summary");
        return new Row(record.number(), organizationId, code, kind, limit(required(record, "registration_number"), 100),
                requiredDate(record, "registration_date"), limit(blankToNull(record.get("correspondent")), 500),
                limit(summary, 2000), limit(blankToNull(record.get("resolution_text")), 4000), executor, deadline,
                executedOn, limit(blankToNull(record.get("execution_mark")), 2000),
                limit(blankToNull(record.get("file_reference")), 100), limit(blankToNull(record.get("files")), 4000));
    }

    private static LocalDate requiredDate(LegacySource.Record record, String column) {
        LocalDate date = date(record, column);
        if (date == null) {
            throw new RowRejected("не заполнено поле " + column);
        }
        return date;
    }

    private static LocalDate date(LegacySource.Record record, String column) {
        String text = blankToNull(record.get(column));
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("\\d{5}(\\.0+)?")) {
                // A date cell of an .xlsx export arrives as Excel's day number.
                return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(text));
            }
            return text.contains(".") ? LocalDate.parse(text, RUSSIAN_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RowRejected("неверная дата в поле " + column + ": «" + text + "»");
        }
    }

    private static String required(LegacySource.Record record, String column) {
        String value = blankToNull(record.get(column));
        if (value == null) {
            throw new RowRejected("не заполнено поле " + column);
        }
        return value;
    }

    private static String value(LegacySource.Record record, String column) {
        String value = record.get(column);
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row that cannot be imported; the message (Russian) goes to the rejects file. */
    static final class RowRejected extends RuntimeException {

        RowRejected(String message) {
            super(message, null, false, false);
        }
    }

    /** Counts the bytes read, for the progress bar. */
    static final class CountingStream extends FilterInputStream {

        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
