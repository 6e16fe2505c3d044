package io.localdps;

import io.localdps.lab.LabCommandLine;
import io.localdps.simulator.cli.SimulatorCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalDpsApplication {

    /**
     * {@code lab ...} runs one certificate lab command instead of the server (see {@code ./lab.sh});
     * {@code simulate ...} runs a simulated device fleet against a DPS, without Spring (see {@code ./simulate.sh}).
     */
    public static void main(String[] args) {
        if (args.length > 0 && "lab".equals(args[0])) {
            System.exit(LabCommandLine.run(LocalDpsApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && "simulate".equals(args[0])) {
            System.exit(SimulatorCommandLine.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(LocalDpsApplication.class, args);
    }
}
