package ru.msed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README shows a picture of every diagram in processes/ and of the main pages. A diagram
 * changed without its picture fails here: docs/images/diagrams.sha256 records the source each
 * picture was rendered from ({@code npm ci && npm run pictures} renders them again).
 */
class ReadmePicturesTest {

    private static final Path IMAGES = Path.of("docs/images");
    private static final List<String> SCREENSHOTS = List.of("login-page.png", "tasklist-task-form.png", "files-page.png",
            "signing-page.png", "verify-page.png", "onboarding-problems.png");

    @Test
    void everyDiagramHasAPictureRenderedFromItsCurrentSourceShownInTheReadme() throws Exception {
        Map<String, String> rendered = Files.readAllLines(IMAGES.resolve("diagrams.sha256")).stream()
                .filter(line -> !line.isBlank()).map(line -> line.split("\\s+", 2))
                .collect(Collectors.toMap(parts -> parts[1], parts -> parts[0], (a, b) -> b));
        String readme = Files.readString(Path.of("README.md"));
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            diagrams = files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).sorted().toList();
        }
        assertThat(diagrams).isNotEmpty();
        for (Path diagram : diagrams) {
            String name = diagram.getFileName().toString();
            String picture = name.replaceAll("\\.bpmn$", ".svg").replaceAll("\\.dmn$", ".png");
            assertThat(rendered.get("processes/" + name))
                    .as("docs/images/%s was rendered from another version of processes/%s: run `npm ci && npm run pictures`"
                            + " and commit docs/images", picture, name)
                    .isEqualTo(sha256(diagram));
            assertThat(IMAGES.resolve(picture)).as("picture of processes/%s", name).isNotEmptyFile();
            assertThat(readme).as("README shows docs/images/%s", picture).contains("(docs/images/" + picture + ")");
        }
    }

    @Test
    void theReadmeShowsTheScreenshotsTheBrowserTestsTake() {
        String readme;
        try {
            readme = Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(SCREENSHOTS).allSatisfy(picture -> {
            assertThat(IMAGES.resolve(picture)).isNotEmptyFile();
            assertThat(readme).contains("(docs/images/" + picture + ")");
        });
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
