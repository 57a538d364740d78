package ru.msed;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import ru.msed.database.BackupCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MsedApplication {

    /** Command-line commands that run and exit: no web server, no HTTP port taken. */
    static final String[] COMMANDS = {"--import", "--benchmark"};

    public static void main(String[] args) {
        if (BackupCommand.handles(args)) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication application = new SpringApplication(MsedApplication.class);
        if (Boolean.getBoolean("msed.startup.recorded")) {
            // Each bean's creation as a JFR event ("spring.*"), for a start-up recorded with -XX:StartFlightRecording.
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        if (Arrays.stream(args).anyMatch(MsedApplication::isCommand)) {
            application.setWebApplicationType(WebApplicationType.NONE);
            // Camunda's REST starter needs the servlet container's Jersey path; without a web server it has nothing to serve.
            application.setDefaultProperties(Map.of("spring.autoconfigure.exclude",
                    "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
            // The command ran as the context started; closing it ends the engine's and the database's threads,
            // and the commands tell the exit code (ExitCodeGenerator beans).
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }

    static boolean isCommand(String arg) {
        return Arrays.stream(COMMANDS).anyMatch(command -> arg.equals(command) || arg.startsWith(command + "="));
    }
}
