package ru.msed.connection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.ss.util.CellReference;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import ru.msed.connection.ConnectionTemplate.HeaderField;
import ru.msed.connection.ConnectionWorkbook.Person;

/**
 * Reads a request workbook streaming (SAX over the sheet XML, shared strings read-only) and
 * bounded (file size, zip-bomb ratio, number of rows), refusing with a Russian message anything
 * that is not the established template: an old .xls, a renamed CSV, a password-protected file,
 * another template or version, extra sheets, formulas, merged or hidden rows.
 */
@Component
public class ConnectionWorkbookReader {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final String OLD_EXCEL = "Файл в старом формате Excel (.xls): заполните шаблон заявки и сохраните его как .xlsx.";
    static final String OLD_EXCEL_OR_DAMAGED = "Файл в старом формате Excel (.xls) или повреждён: заполните шаблон заявки "
            + "и сохраните его как .xlsx.";
    static final String DAMAGED = "Файл заявки повреждён и не читается: заполните шаблон заявки и сохраните его как .xlsx.";

    static {
        // Refuse archives that inflate more than 100-fold or to entries over 50 MB.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
    }

    public ConnectionWorkbook read(byte[] file) {
        Map<HeaderField, String> header = new EnumMap<>(HeaderField.class);
        List<Person> people = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (file == null || file.length == 0) {
            return refused("Файл заявки пустой.");
        }
        if (file.length > MAX_BYTES) {
            return refused("Файл заявки больше " + MAX_BYTES / 1024 / 1024 + " МБ.");
        }
        FileMagic magic = FileMagic.UNKNOWN;
        try {
            magic = FileMagic.valueOf(file);
            if (magic == FileMagic.OLE2) {
                return refused(isEncrypted(file)
                        ? "Файл защищён паролем: снимите пароль и отправьте заявку снова."
                        : OLD_EXCEL);
            }
            if (magic != FileMagic.OOXML) {
                return refused("Файл не является книгой Excel (.xlsx): возможно, это CSV или другой файл с расширением .xlsx. "
                        + "Заполните шаблон заявки.");
            }
        } catch (IOException | RuntimeException e) {
            // POI's own words are English and technical: the applicant gets what to do.
            return refused(magic == FileMagic.OLE2 ? OLD_EXCEL_OR_DAMAGED : DAMAGED);
        }
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
            var custom = new POIXMLProperties(pkg).getCustomProperties();
            String template = custom.contains(ConnectionTemplate.PROPERTY_NAME)
                    ? custom.getProperty(ConnectionTemplate.PROPERTY_NAME).getLpwstr() : null;
            String version = custom.contains(ConnectionTemplate.PROPERTY_VERSION)
                    ? custom.getProperty(ConnectionTemplate.PROPERTY_VERSION).getLpwstr() : null;
            if (!ConnectionTemplate.TEMPLATE_NAME.equals(template)) {
                return refused("Файл составлен не по шаблону заявки МСЭД: скачайте шаблон и заполните его.");
            }
            if (!ConnectionTemplate.VERSION.equals(version)) {
                return refused("Устаревшая версия шаблона (" + version + "): скачайте шаблон версии "
                        + ConnectionTemplate.VERSION + ".");
            }
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            Set<String> names = new LinkedHashSet<>();
            boolean found = false;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (name.equals(ConnectionTemplate.REQUEST_SHEET)) {
                        found = true;
                        readRequestSheet(sheet, strings, header, people, problems);
                    }
                }
            }
            Set<String> extra = new LinkedHashSet<>(names);
            extra.remove(ConnectionTemplate.INSTRUCTION_SHEET);
            extra.remove(ConnectionTemplate.REQUEST_SHEET);
            if (!extra.isEmpty()) {
                problems.add(0, "Лишние листы в книге: " + String.join(", ", extra) + ". Оставьте только листы шаблона.");
            }
            if (!found) {
                return refused("В книге нет листа «" + ConnectionTemplate.REQUEST_SHEET + "».");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            return refused(zipBomb(e) ? "Файл распаковывается в недопустимо большой объём (похоже на zip-бомбу): заявка не принята."
                    : DAMAGED);
        } catch (Exception e) {
            return refused(zipBomb(e) ? "Файл распаковывается в недопустимо большой объём (похоже на zip-бомбу): заявка не принята."
                    : DAMAGED);
        }
        return new ConnectionWorkbook(header, people, problems);
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (t.getMessage().contains("Zip bomb") || t.getMessage().contains("zip bomb")
                    || t.getMessage().contains("MaxEntrySize") || t.getMessage().contains("max entry size"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEncrypted(byte[] file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        }
    }

    private static ConnectionWorkbook refused(String problem) {
        return new ConnectionWorkbook(Map.of(), List.of(), List.of(problem));
    }

    private static void readRequestSheet(InputStream sheet, ReadOnlySharedStringsTable strings, Map<HeaderField, String> header,
            List<Person> people, List<String> problems) throws Exception {
        SheetHandler handler = new SheetHandler(strings, problems);
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.newSAXParser().parse(sheet, handler);
        for (HeaderField field : HeaderField.values()) {
            header.put(field, handler.value(field.rowIndex(), 1));
        }
        for (int row = ConnectionTemplate.FIRST_PERSON_ROW; row <= handler.lastRow; row++) {
            Map<Integer, String> cells = handler.rows.get(row);
            if (cells == null || cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            people.add(new Person(row + 1, handler.value(row, 0), handler.value(row, 1), handler.value(row, 2),
                    handler.value(row, 3), handler.value(row, 4), handler.value(row, 5), handler.value(row, 6),
                    handler.value(row, 7), handler.value(row, 8), handler.value(row, 9)));
        }
    }

    /** Collects cell values of the sheet and notes formulas, hidden rows and merged cells. */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final List<String> problems;
        final Map<Integer, Map<Integer, String>> rows = new HashMap<>();
        int lastRow = -1;
        private int row;
        private int column;
        private String type;
        private boolean inValue;
        private final StringBuilder text = new StringBuilder();

        SheetHandler(ReadOnlySharedStringsTable strings, List<String> problems) {
            this.strings = strings;
            this.problems = problems;
        }

        String value(int row, int column) {
            Map<Integer, String> cells = rows.get(row);
            String value = cells == null ? null : cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    row = Integer.parseInt(attributes.getValue("r")) - 1;
                    if (row >= ConnectionTemplate.FIRST_PERSON_ROW + ConnectionTemplate.MAX_PEOPLE) {
                        throw new IllegalStateException("В заявке больше " + ConnectionTemplate.MAX_PEOPLE + " строк");
                    }
                    if ("1".equals(attributes.getValue("hidden")) || "true".equals(attributes.getValue("hidden"))) {
                        problems.add("Строка " + (row + 1) + ": скрытая строка. Покажите её или удалите.");
                    }
                }
                case "c" -> {
                    column = new CellReference(attributes.getValue("r")).getCol();
                    type = attributes.getValue("t");
                    text.setLength(0);
                }
                case "f" -> problems.add("Строка " + (row + 1) + ", столбец " + CellReference.convertNumToColString(column)
                        + ": формула вместо значения. Введите значение.");
                case "v", "t" -> {
                    inValue = true;
                }
                case "mergeCell" -> problems.add("Объединённые ячейки " + attributes.getValue("ref")
                        + " не допускаются: разъедините их.");
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("v") || localName.equals("t")) {
                inValue = false;
            } else if (localName.equals("c")) {
                String value = text.toString();
                if ("s".equals(type) && !value.isEmpty()) {
                    value = strings.getItemAt(Integer.parseInt(value)).getString();
                } else if ((type == null || "n".equals(type)) && !value.isEmpty()) {
                    // A phone typed as a number comes as 7.9161234567E10.
                    value = new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
                }
                rows.computeIfAbsent(row, r -> new HashMap<>()).put(column, value);
                lastRow = Math.max(lastRow, row);
            }
        }
    }
}
