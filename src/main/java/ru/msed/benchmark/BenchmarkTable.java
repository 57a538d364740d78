package ru.msed.benchmark;

import java.util.List;
import java.util.Map;

/** The benchmark report as the plain-text table the command prints (the JSON holds the same). */
final class BenchmarkTable {

    private BenchmarkTable() {
    }

    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> report) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> p = (Map<String, Object>) report.get("parameters");
        Map<String, Object> imported = (Map<String, Object>) report.get("import");
        Map<String, Object> lifecycles = (Map<String, Object>) report.get("lifecycles");
        Map<String, Object> queries = (Map<String, Object>) report.get("queries");
        Map<String, Object> memory = (Map<String, Object>) report.get("memory");
        Map<String, Object> database = (Map<String, Object>) report.get("database");
        out.append(String.format("%nMSED benchmark: %s organizations, %s cards (%s open), %s lifecycles x %s workers, %s cores%n",
                p.get("organizations"), p.get("cards"), p.get("openAssignments"), p.get("lifecycles"), p.get("workers"), p.get("cores")));
        String line = "-".repeat(86) + "%n";
        out.append(String.format(line));
        out.append(String.format("%-22s %s cards, %s rejected, %s running instances in %s s: %s cards/s%n", "Import",
                imported.get("imported"), imported.get("rejected"), imported.get("runningInstances"), imported.get("seconds"),
                imported.get("cardsPerSecond")));
        out.append(String.format("%-22s cards %s s (%s cards/s), starting instances %s s (%s instances/s)%n", "  of which",
                imported.get("cardPhaseSeconds"), imported.get("cardPhaseCardsPerSecond"), imported.get("instancePhaseSeconds"),
                imported.get("instancesPerSecond")));
        out.append(String.format("%-22s %s s of CPU (this JVM %s s and its PostgreSQL %s s): %s ms per card%n", "  CPU",
                imported.get("cpuSeconds"), imported.get("jvmCpuSeconds"), imported.get("postgresCpuSeconds"),
                imported.get("cpuMsPerCard")));
        out.append(String.format("%-22s %s files (%s MiB) into the content store in %s s: %s files/s, %s MiB/s%n", "  files",
                imported.get("files"), imported.get("fileMiB"), imported.get("filePhaseSeconds"), imported.get("filesPerSecond"),
                imported.get("fileMiBPerSecond")));
        Map<String, Object> msed = (Map<String, Object>) lifecycles.get("msed");
        Map<String, Object> bare = (Map<String, Object>) lifecycles.get("bare");
        out.append(String.format("%-22s MSED %s/s (%s task completions/s), bare Camunda %s/s (%s/s): overhead %sx%n",
                "Lifecycles", msed.get("lifecyclesPerSecond"), msed.get("taskCompletionsPerSecond"),
                bare.get("lifecyclesPerSecond"), bare.get("taskCompletionsPerSecond"), lifecycles.get("overheadRatio")));
        Map<String, Object> msedMs = (Map<String, Object>) msed.get("lifecycleMs");
        Map<String, Object> bareMs = (Map<String, Object>) bare.get("lifecycleMs");
        out.append(String.format("%-22s one lifecycle p50/p95 ms: MSED %s/%s, bare %s/%s (the kinds interleaved)%n", "",
                msedMs.get("p50"), msedMs.get("p95"), bareMs.get("p50"), bareMs.get("p95")));
        Map<String, Object> circular = (Map<String, Object>) report.get("circular");
        if (circular != null) {
            out.append(String.format("%-22s %s recipients: dispatch %s s, %s delivered (%s incoming instances) in %s s: %s/s%n",
                    "Circular letter", circular.get("recipients"), circular.get("dispatchSeconds"), circular.get("arrived"),
                    circular.get("incomingInstancesStarted"), circular.get("deliverySeconds"), circular.get("deliveriesPerSecond")));
        }
        out.append(String.format(line));
        // Each step of the MSED lifecycle beside the same user task of the bare process.
        out.append(String.format("%-28s %8s %8s %8s | %8s %8s %8s%n", "Step latency, ms", "MSED p50", "p95", "p99",
                "bare p50", "p95", "p99"));
        Map<String, Object> msedSteps = (Map<String, Object>) msed.get("stepsMs");
        Map<String, Object> bareSteps = (Map<String, Object>) bare.get("stepsMs");
        for (String step : msedSteps.keySet()) {
            Map<String, Object> m = (Map<String, Object>) msedSteps.get(step);
            Map<String, Object> b = (Map<String, Object>) bareSteps.getOrDefault(step, Map.of());
            out.append(String.format("%-28s %8s %8s %8s | %8s %8s %8s%n", step, m.get("p50"), m.get("p95"), m.get("p99"),
                    b.getOrDefault("p50", "-"), b.getOrDefault("p95", "-"), b.getOrDefault("p99", "-")));
        }
        out.append(String.format(line));
        out.append(String.format("%-34s %10s %10s %10s %8s%n", "Query latency, ms", "p50", "p95", "p99", "n"));
        steps(out, "", Map.of("Tasklist query", queries.get("tasklist"), "Card search", queries.get("cardSearch")));
        if (circular != null) {
            steps(out, "", Map.of("Exchange delivery", circular.get("deliveryMs")));
        }
        if (queries.containsKey("folderCounts")) {
            steps(out, "", Map.of("Folder «На исполнение»", queries.get("tasklistFolder"),
                    "Folders with counts", queries.get("folderCounts")));
        }
        out.append(String.format(line));
        out.append(String.format("%-22s peak heap %s MiB of %s MiB, peak RSS %s MiB%n", "Memory", memory.get("heapPeakMiB"),
                memory.get("heapMaxMiB"), memory.get("rssMiB")));
        out.append(String.format("%-22s %s MiB for %s cards: %s KiB per 1,000 cards%n", "Database",
                ((Number) database.get("bytes")).longValue() / 1048576, database.get("documents"), database.get("kibPer1000Cards")));
        List<Map<String, Object>> tables = (List<Map<String, Object>>) database.get("largestTables");
        if (tables != null) {
            out.append(String.format("%-28s %10s %10s %12s %14s%n", "Largest tables", "MiB", "indexes", "rows", "KiB/1000 cards"));
            for (Map<String, Object> table : tables) {
                out.append(String.format("%-28s %10s %10s %12s %14s%n", table.get("table"), table.get("mib"),
                        table.get("indexMiB"), table.get("rows"), table.get("kibPer1000Cards")));
            }
        }
        Map<String, List<Map<String, Object>>> top = (Map<String, List<Map<String, Object>>>) report.get("topStatements");
        if (top != null) {
            out.append(String.format(line));
            out.append(String.format("Statements with the most database time during the lifecycles, MSED and bare (pg_stat_statements)%n"));
            out.append(String.format("%10s %8s %9s  %s%n", "total ms", "calls", "mean ms", "statement"));
            for (Map<String, Object> statement : top.get("lifecycles")) {
                String text = String.valueOf(statement.get("statement"));
                out.append(String.format("%10s %8s %9s  %s%n", statement.get("total_ms"), statement.get("calls"),
                        statement.get("mean_ms"), text.length() > 100 ? text.substring(0, 100) + "…" : text));
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void steps(StringBuilder out, String prefix, Map<String, Object> steps) {
        new java.util.TreeMap<>(steps).forEach((name, value) -> {
            Map<String, Object> percentiles = (Map<String, Object>) value;
            String label = prefix + name + (percentiles.containsKey("rows") ? " (" + percentiles.get("rows") + " rows)" : "");
            out.append(String.format("%-34s %10s %10s %10s %8s%n", label, percentiles.get("p50"), percentiles.get("p95"),
                    percentiles.get("p99"), percentiles.get("n")));
        });
    }
}
