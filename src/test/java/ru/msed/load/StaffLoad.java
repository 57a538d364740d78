package ru.msed.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@link StaffSimulation} in this JVM (the build's tiny run); {@code ./mvnw gatling:test} forks its own. */
final class StaffLoad {

    private StaffLoad() {
    }

    /** Gatling's exit status: 0 when the run passed its assertions. */
    static int run(Map<String, Object> settings, Path results, boolean reports) {
        settings.forEach((name, value) -> System.setProperty(name, value.toString()));
        try {
            List<String> args = new ArrayList<>(List.of("--simulation", StaffSimulation.class.getName(),
                    "--results-folder", results.toAbsolutePath().toString()));
            if (!reports) {
                args.add("--no-reports");
            }
            return io.gatling.app.Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }
}
