package ru.msed.migration;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar msed.jar --import=cards.csv|cards.xlsx [--import.rejects=rejects.csv] [--import.encoding=windows-1251]
 * [--import.batch=5000]}: imports a legacy export with a progress bar; the application then exits (0, or 2 if rows
 * were rejected: {@link #getExitCode()}, see {@code MsedApplication}).
 */
@Component
@Order(100)
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final LegacyImport importer;
    private int exitCode;

    ImportCommand(LegacyImport importer) {
        this.importer = importer;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("import")) {
            return;
        }
        Path file = Path.of(single(args, "import", null));
        Path rejects = Path.of(single(args, "import.rejects", file + ".rejects.csv"));
        Charset charset = Charset.forName(single(args, "import.encoding", "UTF-8"));
        int batch = Integer.parseInt(single(args, "import.batch", "5000"));
        System.out.printf("Импорт %s (%s), отклонённые строки — в %s%n", file, charset, rejects);
        LegacyImport.Result result = importer.run(file, rejects, charset, batch, ImportCommand::bar);
        System.out.println();
        if (result.alreadyImported()) {
            System.out.println("Этот файл уже импортирован полностью: ничего не создано.");
        } else {
            System.out.printf("Готово%s: записей %d, импортировано %d, отклонено %d, продолжено процессов %d; %.0f карт./с за %d с%n",
                    result.resumed() ? " (продолжение прерванного импорта)" : "", result.records(), result.imported(),
                    result.rejected(), result.runningInstances(), result.cardsPerSecond(), result.took().toSeconds());
            if (result.files() + result.filesRejected() > 0) {
                System.out.printf("Файлы: загружено в хранилище %d (%.0f МБ; %.1f файл./с, %.1f МБ/с), не найдено или не читается %d%n",
                        result.files(), result.fileBytes() / 1048576.0, result.filesPerSecond(), result.fileMegabytesPerSecond(),
                        result.filesRejected());
            }
        }
        exitCode = result.rejected() > 0 || result.filesRejected() > 0 ? 2 : 0;
    }

    static void bar(LegacyImport.Progress p) {
        if (p.bytesTotal() == 0) {
            // An .xlsx is read from inside its archive: the rate, not the share, is known.
            System.out.printf("\r записей %d  импортировано %d  отклонено %d  %.0f карт./с   ", p.records(), p.imported(),
                    p.rejected(), p.imported() / Math.max(p.elapsed().toMillis() / 1000.0, 0.001));
            return;
        }
        double share = (double) p.bytesRead() / p.bytesTotal();
        int filled = (int) Math.round(share * 30);
        double seconds = Math.max(p.elapsed().toMillis() / 1000.0, 0.001);
        double rate = p.imported() / seconds;
        long eta = share > 0 ? Math.round(seconds / share - seconds) : -1;
        System.out.printf("\r[%s%s] %3.0f%%  записей %d  импортировано %d  отклонено %d  %.0f карт./с  осталось ~%d с   ",
                "#".repeat(filled), " ".repeat(30 - filled), share * 100, p.records(), p.imported(), p.rejected(), rate, eta);
    }

    private static String single(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
