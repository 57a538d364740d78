package ru.msed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MsedApplication {

    public static void main(String[] args) {
        SpringApplication.run(MsedApplication.class, args);
    }
}
