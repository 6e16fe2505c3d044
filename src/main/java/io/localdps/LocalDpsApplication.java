package io.localdps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalDpsApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalDpsApplication.class, args);
    }
}
