package ru.msed.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import ru.msed.connection.ConnectionRequestValidator.Context;
import ru.msed.connection.ConnectionTemplate.HeaderField;

/** One generated workbook per kind of mistake; each asserts the exact message (and row). */
class ConnectionWorkbookReaderTest {

    final ConnectionWorkbookReader reader = new ConnectionWorkbookReader();
    static final Context NEW = new Context(false, Set.of(), Set.of());

    List<String> problems(byte[] file) {
        return ConnectionRequestValidator.validate(reader.read(file), NEW);
    }

    RequestWorkbookBuilder valid() {
        return RequestWorkbookBuilder.newOrganization("7701234567")
                .person("Иванов", "Иван", "Иванович", "Начальник отдела", "Отдел регистрации", "+7 495 111-22-33",
                        "ivanov@zags.demo.ru", "Руководитель", "Контролёр", "Подключить")
                .person("Петрова", "Анна", null, "Специалист", "Отдел регистрации", null, "petrova@zags.demo.ru",
                        "Исполнитель", null, "Подключить");
    }

    @Test
    void validRequestIsReadWithItsHeaderAndPeople() {
        ConnectionWorkbook workbook = reader.read(valid().build());
        assertThat(ConnectionRequestValidator.validate(workbook, NEW)).isEmpty();
        assertThat(workbook.value(HeaderField.INN)).isEqualTo("7701234567");
        assertThat(workbook.people()).hasSize(2);
        assertThat(workbook.people().get(0).row()).isEqualTo(14);
        assertThat(workbook.people().get(0).secondRole()).isEqualTo("Контролёр");
        assertThat(workbook.people().get(1).patronymic()).isNull();
    }

    @Test
    void oldXlsIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            xls.createSheet("Заявка");
            xls.write(out);
        }
        assertThat(problems(out.toByteArray())).containsExactly(
                "Файл в старом формате Excel (.xls): заполните шаблон заявки и сохраните его как .xlsx.");
    }

    @Test
    void damagedOldXlsAndDamagedXlsxAreRefusedInRussianWithoutPoisWords() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            xls.createSheet("Заявка");
            xls.write(out);
        }
        byte[] xls = out.toByteArray();
        byte[] xlsx = valid().build();
        for (byte[] damaged : List.of(java.util.Arrays.copyOf(xls, 100), java.util.Arrays.copyOf(xls, 600),
                java.util.Arrays.copyOf(xlsx, xlsx.length / 2), java.util.Arrays.copyOf(xlsx, 40))) {
            List<String> problems = problems(damaged);
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0)).matches("[^A-Za-z]*(Excel|xlsx?|CSV)?[^A-Za-z]*(xlsx?|Excel|CSV)?[^A-Za-z]*"
                    + "(xlsx?|Excel|CSV)?[^A-Za-z]*").containsAnyOf("повреждён", "старом формате");
        }
    }

    @Test
    void csvRenamedToXlsxIsRefused() {
        assertThat(problems("Фамилия;Имя\nИванов;Иван\n".getBytes(StandardCharsets.UTF_8))).containsExactly(
                "Файл не является книгой Excel (.xlsx): возможно, это CSV или другой файл с расширением .xlsx. Заполните шаблон заявки.");
    }

    @Test
    void passwordProtectedFileIsRefused() throws Exception {
        byte[] plain = valid().build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("секрет");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
        }
        assertThat(problems(out.toByteArray())).containsExactly("Файл защищён паролем: снимите пароль и отправьте заявку снова.");
    }

    @Test
    void fileOverTheSizeLimitIsRefused() {
        assertThat(problems(new byte[(int) ConnectionWorkbookReader.MAX_BYTES + 1])).containsExactly("Файл заявки больше 5 МБ.");
    }

    @Test
    void zipBombIsRefused() throws IOException {
        // A valid template whose sheet entry is padded with 60 MB of spaces (compresses ~1000:1).
        byte[] template = valid().build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(template));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                if (entry.getName().equals("xl/worksheets/sheet2.xml")) {
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 60; i++) {
                        zip.write(spaces);
                    }
                }
                zip.closeEntry();
            }
        }
        assertThat(problems(out.toByteArray())).containsExactly(
                "Файл распаковывается в недопустимо большой объём (похоже на zip-бомбу): заявка не принята.");
    }

    @Test
    void workbookNotMadeFromTheTemplateOrOfAnotherVersionIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var other = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            other.createSheet("Заявка");
            other.write(out);
        }
        assertThat(problems(out.toByteArray())).containsExactly(
                "Файл составлен не по шаблону заявки МСЭД: скачайте шаблон и заполните его.");
        byte[] oldVersion = valid().spoil(w -> w.getProperties().getCustomProperties()
                .getProperty(ConnectionTemplate.PROPERTY_VERSION).setLpwstr("0")).build();
        assertThat(problems(oldVersion)).containsExactly("Устаревшая версия шаблона (0): скачайте шаблон версии 1.");
    }

    @Test
    void extraSheetsAreRefused() {
        assertThat(problems(valid().spoil(w -> w.createSheet("Мои заметки")).build()))
                .containsExactly("Лишние листы в книге: Мои заметки. Оставьте только листы шаблона.");
    }

    @Test
    void formulasInsteadOfValuesAreRefused() {
        byte[] file = valid().spoil(w -> w.getSheet("Заявка").getRow(14).createCell(6).setCellFormula("\"a\"&\"@b.ru\"")).build();
        // The formula has no value of its own, so the required e-mail is missing too.
        assertThat(problems(file)).containsExactly("Строка 15, столбец G: формула вместо значения. Введите значение.",
                "Строка 15: не заполнено поле «E-mail».");
    }

    @Test
    void mergedAndHiddenRowsAreRefused() {
        byte[] merged = valid().spoil(w -> w.getSheet("Заявка").addMergedRegion(CellRangeAddress.valueOf("D14:E14"))).build();
        assertThat(problems(merged)).containsExactly("Объединённые ячейки D14:E14 не допускаются: разъедините их.");
        byte[] hidden = valid().spoil(w -> w.getSheet("Заявка").getRow(14).setZeroHeight(true)).build();
        assertThat(problems(hidden)).containsExactly("Строка 15: скрытая строка. Покажите её или удалите.");
    }

    @Test
    void missingRequiredCellsAreNamed() {
        byte[] file = valid().header(HeaderField.INN, "").person(null, "Олег", null, "Специалист", "Отдел регистрации",
                null, "oleg@zags.demo.ru", "Исполнитель", null, "Подключить").build();
        assertThat(problems(file)).containsExactly("Не заполнено «ИНН (10 цифр)» (ячейка B4).",
                "Строка 16: не заполнено поле «Фамилия».");
    }

    @Test
    void badEmailAndPhoneAreNamedWithTheirRow() {
        byte[] file = valid().person("Сидоров", "Олег", null, "Специалист", "Отдел регистрации", "12-34",
                "sidorov(at)zags", "Исполнитель", null, "Подключить").build();
        assertThat(problems(file)).containsExactly("Строка 16: неверный e-mail «sidorov(at)zags».",
                "Строка 16: неверный телефон «12-34» (нужно 10–11 цифр, например +7 495 123-45-67).");
    }

    @Test
    void duplicatePersonIsNamedWithTheEarlierRow() {
        byte[] file = valid().person("Иванов", "Иван", "Иванович", "Специалист", "Отдел регистрации", null,
                "ivanov2@zags.demo.ru", "Исполнитель", null, "Подключить").build();
        assertThat(problems(file)).containsExactly("Строка 16: «Иванов Иван Иванович» уже указан в строке 14.");
    }

    @Test
    void unknownRoleAndActionAreNamed() {
        byte[] file = valid().person("Сидоров", "Олег", null, "Специалист", "Отдел регистрации", null, "sidorov@zags.demo.ru",
                "Царь", null, "Уволить").build();
        assertThat(problems(file)).containsExactly("Строка 16: неизвестное действие «Уволить».",
                "Строка 16: неизвестная роль «Царь».");
    }

    @Test
    void changesNeedKnownDepartmentsAndExistingPeople() {
        byte[] file = RequestWorkbookBuilder.changes("7701234567")
                .person("Иванов", "Иван", "Иванович", "Специалист", "Отдел кадров", null, "ivanov@zags.demo.ru",
                        "Исполнитель", null, "Подключить")
                .person("Козлов", "Пётр", null, null, null, null, null, null, null, "Отключить")
                .build();
        Context existing = new Context(true, Set.of("отдел регистрации"), Set.of("петрова анна"));
        assertThat(ConnectionRequestValidator.validate(reader.read(file), existing)).containsExactly(
                "Строка 14: подразделение «Отдел кадров» не найдено в организации.",
                "Строка 15: «Козлов Пётр» не найден среди пользователей организации: отключать некого.");
    }

    @Test
    void templateOffersDropDownsAndAnInstructionSheet() throws IOException {
        try (var template = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(new ConnectionTemplate().workbook()))) {
            assertThat(template.getSheetAt(0).getSheetName()).isEqualTo("Инструкция");
            var sheet = template.getSheet("Заявка");
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getDataValidations()).hasSize(3);
            assertThat(sheet.getDataValidations().get(0).getValidationConstraint().getExplicitListValues())
                    .contains("Исполнитель", "Администратор организации");
            assertThat(sheet.getRow(12).getCell(0).getStringCellValue()).isEqualTo("Фамилия");
        }
    }
}
