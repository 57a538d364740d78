package ru.msed.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/** A legacy export read one record at a time: CSV (commons-csv) or the first sheet of an .xlsx (StAX). */
interface LegacySource extends Iterator<LegacySource.Record>, AutoCloseable {

    /** One exported card: its record number (data rows from 1), values by column, and whether it had the header's width. */
    record Record(long number, Map<String, String> values, int size, boolean consistent) {

        String get(String column) {
            return values.get(column);
        }
    }

    Set<String> header();

    long bytesRead();

    long bytesTotal();

    @Override
    void close() throws IOException;

    static LegacySource open(Path file, Charset charset) throws IOException {
        return file.getFileName().toString().toLowerCase().endsWith(".xlsx") ? new Xlsx(file) : new Csv(file, charset);
    }

    /** Semicolon-separated, with a header; undecodable bytes become U+FFFD so the row is rejected, not the file. */
    final class Csv implements LegacySource {

        private final LegacyImport.CountingStream counting;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final long total;

        Csv(Path file, Charset charset) throws IOException {
            this.total = Files.size(file);
            this.counting = new LegacyImport.CountingStream(Files.newInputStream(file));
            this.parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get()
                    .parse(new InputStreamReader(counting, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)));
            this.records = parser.iterator();
        }

        @Override
        public Set<String> header() {
            return parser.getHeaderMap().keySet();
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public Record next() {
            CSVRecord record = records.next();
            Map<String, String> values = new HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> values.put(name, index < record.size() ? record.get(index) : null));
            return new Record(record.getRecordNumber(), values, record.size(), record.isConsistent());
        }

        @Override
        public long bytesRead() {
            return counting.count;
        }

        @Override
        public long bytesTotal() {
            return total;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** The first sheet, header in its first row; pulled row by row from the sheet's XML. */
    final class Xlsx implements LegacySource {

        private final OPCPackage pkg;
        private final InputStream sheet;
        private final XMLStreamReader xml;
        private final ReadOnlySharedStringsTable strings;
        private final List<String> header = new ArrayList<>();
        private Record next;
        private long number;

        Xlsx(Path file) throws IOException {
            try {
                this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XSSFReader reader = new XSSFReader(pkg);
                this.strings = new ReadOnlySharedStringsTable(pkg);
                this.sheet = reader.getSheetsData().next();
                XMLInputFactory factory = XMLInputFactory.newFactory();
                factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                this.xml = factory.createXMLStreamReader(sheet);
                Map<Integer, String> first = readRow();
                if (first != null) {
                    first.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> header.add(e.getValue().strip()));
                }
                advance();
            } catch (Exception e) {
                throw new IOException("Книга .xlsx не читается: " + e.getMessage(), e);
            }
        }

        @Override
        public Set<String> header() {
            return new LinkedHashSet<>(header);
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Record next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Record current = next;
            advance();
            return current;
        }

        private void advance() {
            try {
                Map<Integer, String> cells;
                do {
                    cells = readRow();
                } while (cells != null && cells.values().stream().allMatch(v -> v == null || v.isBlank()));
                if (cells == null) {
                    next = null;
                    return;
                }
                Map<String, String> values = new HashMap<>();
                int width = cells.keySet().stream().mapToInt(i -> i + 1).max().orElse(0);
                for (int i = 0; i < header.size(); i++) {
                    String value = cells.get(i);
                    values.put(header.get(i), value == null ? "" : value.strip());
                }
                next = new Record(++number, values, width, width <= header.size());
            } catch (XMLStreamException e) {
                throw new IllegalStateException("Лист .xlsx повреждён: " + e.getMessage(), e);
            }
        }

        /** The next row's cells by column index, or null at the end of the sheet. */
        private Map<Integer, String> readRow() throws XMLStreamException {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    Map<Integer, String> cells = new HashMap<>();
                    int column = -1;
                    String type = null;
                    while (xml.hasNext()) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            switch (xml.getLocalName()) {
                                case "c" -> {
                                    column = new CellReference(xml.getAttributeValue(null, "r")).getCol();
                                    type = xml.getAttributeValue(null, "t");
                                }
                                case "v", "t" -> {
                                    String text = xml.getElementText();
                                    cells.put(column, "s".equals(type) ? strings.getItemAt(Integer.parseInt(text)).getString() : text);
                                }
                                default -> {
                                }
                            }
                        } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                            return cells;
                        }
                    }
                }
            }
            return null;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        public long bytesTotal() {
            return 0;
        }

        @Override
        public void close() throws IOException {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
            sheet.close();
            pkg.revert();
        }
    }
}
