package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Java names diagram elements (a task whose due date moves, a timer to reschedule, a folder's
 * tasks) only by ids that some diagram in {@code processes/} has: renaming or dropping an element in
 * Modeler fails this test instead of silently breaking a delegate or a folder.
 */
class DiagramElementIdsTest {

    private static final Pattern ELEMENT_ID = Pattern.compile(
            "\"((?:Task|Gateway|SequenceFlow|BoundaryEvent|StartEvent|EndEvent|SubProcess|IntermediateEvent|Event)_[A-Za-z0-9_]+)\"");
    private static final Pattern DIAGRAM_ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    @Test
    void everyElementIdNamedInJavaExistsInADiagram() throws IOException {
        Set<String> diagramIds = new HashSet<>();
        try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher ids = DIAGRAM_ID.matcher(Files.readString(diagram));
                while (ids.find()) {
                    diagramIds.add(ids.group(1));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        int named = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher ids = ELEMENT_ID.matcher(Files.readString(source));
                while (ids.find()) {
                    named++;
                    if (!diagramIds.contains(ids.group(1))) {
                        missing.add(source.getFileName() + ": " + ids.group(1));
                    }
                }
            }
        }
        assertThat(named).as("element ids named in Java").isPositive();
        assertThat(missing).as("ids named in Java that no diagram has").isEmpty();
    }
}
