package ru.msed.document;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar msed.jar --migrate-files --server.port=0}: moves the files still kept in the
 * database into the content store, then exits (0, or 2 if some files did not match their checksum).
 * Run it again after a stop: it goes on where it stopped; after a complete run it does nothing.
 */
@Component
@Order(100)
class MigrateFilesCommand implements ApplicationRunner {

    private final AttachmentContentMigration migration;
    private final ConfigurableApplicationContext context;

    MigrateFilesCommand(AttachmentContentMigration migration, ConfigurableApplicationContext context) {
        this.migration = migration;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("migrate-files")) {
            return;
        }
        System.out.println("Перенос файлов из базы данных в хранилище файлов");
        AttachmentContentMigration.Result result = migration.run(p -> System.out.printf(
                "\r перенесено %d  отклонено %d  %.0f МБ  %.1f файл./с   ", p.moved(), p.failed(), p.bytes() / 1048576.0,
                p.moved() / Math.max(p.elapsed().toMillis() / 1000.0, 0.001)));
        System.out.println();
        if (result.remaining() == 0) {
            System.out.println("В базе данных нет файлов для переноса: всё уже в хранилище.");
        } else {
            System.out.printf("Готово: перенесено %d из %d (%.0f МБ) за %d с: %.1f файл./с, %.1f МБ/с; отклонено (контрольная"
                    + " сумма не совпала) %d — см. GET /api/admin/files/problems.%n", result.moved(), result.remaining(),
                    result.bytes() / 1048576.0, result.took().toSeconds(), result.filesPerSecond(), result.megabytesPerSecond(),
                    result.failed());
            if (result.failed() == 0) {
                System.out.println("Столбец с файлами удаляется из базы данных при следующем запуске приложения.");
            }
        }
        int code = result.failed() > 0 ? 2 : 0;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
