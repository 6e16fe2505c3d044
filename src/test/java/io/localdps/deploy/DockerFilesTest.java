package io.localdps.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/ is checked in the test command because no build machine has a Docker engine: the Compose
 * file parses and references only files that exist, its profiles are the ones the README documents,
 * the proxy balances both cluster nodes, and the Dockerfile is well-formed. The checkers are also
 * shown broken files, so a check that can never fail would be noticed.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static final Path DOCKER = ROOT.resolve("docker");

    @Test
    void theComposeFileReferencesOnlyFilesThatExistAndVariablesTheExampleEnvFileDefines() throws IOException {
        ComposeFileCheck compose = ComposeFileCheck.of(DOCKER.resolve("compose.yaml"));

        assertThat(compose.problems(exampleVariables())).isEmpty();
        assertThat(compose.services()).containsKeys("postgres", "localdps", "localdps-a", "localdps-b", "proxy");
    }

    @Test
    void aPlainUpStartsOneNodeWithPostgresAndTheClusterProfileTwoNodesBehindTheProxy() throws IOException {
        ComposeFileCheck compose = ComposeFileCheck.of(DOCKER.resolve("compose.yaml"));

        assertThat(compose.profilesOf("postgres")).isEmpty();
        assertThat(compose.profilesOf("localdps")).containsExactly("single");
        assertThat(compose.profilesOf("localdps-a")).containsExactly("cluster");
        assertThat(compose.profilesOf("localdps-b")).containsExactly("cluster");
        assertThat(compose.profilesOf("proxy")).containsExactly("cluster");
        assertThat(Files.readAllLines(DOCKER.resolve(".env.example"))).contains("COMPOSE_PROFILES=single")
                .as("the Azure SDKs dial 443 for HTTPS and cannot be told another port").contains("HTTPS_PORT=443", "MQTT_PORT=8883");
        assertThat(Files.readString(ROOT.resolve("README.md")))
                .contains("cp docker/.env.example docker/.env")
                .contains("docker compose -f docker/compose.yaml --env-file docker/.env up")
                .contains("COMPOSE_PROFILES=cluster docker compose -f docker/compose.yaml --env-file docker/.env up");
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).as("credentials stay out of git").contains("docker/.env");
    }

    @Test
    void everyNodeUsesPostgresWithTheEnvFileCredentialsAndWaitsForItsHealth() throws IOException {
        Map<String, Map<String, Object>> services = ComposeFileCheck.of(DOCKER.resolve("compose.yaml")).services();

        assertThat(services.get("postgres").get("image").toString()).startsWith("postgres:");
        assertThat(services.get("postgres")).containsKey("healthcheck");
        for (String node : List.of("localdps", "localdps-a", "localdps-b")) {
            Map<String, Object> service = services.get(node);
            assertThat(ComposeFileCheck.strings(service.get("env_file"))).as(node).containsExactly(".env");
            assertThat(castMap(service.get("environment"))).as(node)
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/${POSTGRES_DB}")
                    .containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
            assertThat(castMap(service.get("depends_on"))).as(node)
                    .containsEntry("postgres", Map.of("condition", "service_healthy"));
        }
    }

    @Test
    void theProxyBalancesTheConsoleStickilyAndPassesTheDeviceEndpointsThroughToBothNodes() throws IOException {
        Map<String, Object> proxy = ComposeFileCheck.of(DOCKER.resolve("compose.yaml")).services().get("proxy");
        String mount = ComposeFileCheck.strings(proxy.get("volumes")).getFirst().split(":")[0];
        String config = Files.readString(DOCKER.resolve(mount));

        assertThat(config).contains("ip_hash;");
        String stream = config.substring(config.indexOf("stream {"));
        for (String node : List.of("localdps-a", "localdps-b")) {
            assertThat(config.substring(0, config.indexOf("stream {"))).contains("server " + node + ":8080;");
            assertThat(stream).contains("server " + node + ":8883;").contains("server " + node + ":8443;");
        }
        assertThat(stream).contains("listen 8883;").contains("listen 8443;").doesNotContain("ssl");
    }

    @Test
    void behindTheProxyMqttCarriesTheClientAddressInAProxyHeaderThatTheNodesExpect() throws IOException {
        ComposeFileCheck compose = ComposeFileCheck.of(DOCKER.resolve("compose.yaml"));
        String config = Files.readString(DOCKER.resolve("nginx-cluster.conf"));
        String stream = config.substring(config.indexOf("stream {"));
        String mqttServer = stream.substring(stream.indexOf("listen 8883;"), stream.indexOf("}", stream.indexOf("listen 8883;")));
        String httpsServer = stream.substring(stream.indexOf("listen 8443;"), stream.indexOf("}", stream.indexOf("listen 8443;")));

        assertThat(mqttServer).contains("proxy_protocol on;");
        assertThat(httpsServer).as("Tomcat cannot read a PROXY header").doesNotContain("proxy_protocol on;");
        for (String node : List.of("localdps-a", "localdps-b")) {
            assertThat(ComposeFileCheck.strings(compose.services().get(node).get("command"))).as(node)
                    .contains("--dps.mqtt.proxy-protocol=true");
        }
        assertThat(compose.services().get("localdps").get("command")).as("the single node is dialled directly").isNull();
    }

    @Test
    void theDockerfileBuildsWithTheWrapperAndRunsAsAnUnprivilegedUserWithAHealthCheck() throws IOException {
        DockerfileCheck dockerfile = DockerfileCheck.of(Files.readString(DOCKER.resolve("Dockerfile")), ROOT);

        assertThat(dockerfile.problems()).isEmpty();
        List<DockerfileCheck.Instruction> all = dockerfile.instructions();
        assertThat(all.stream().filter(i -> i.keyword().equals("FROM")).count()).isGreaterThanOrEqualTo(2);
        assertThat(all).anySatisfy(i -> assertThat(i.arguments()).contains("./mvnw -B -Dmaven.test.skip=true package"));
        List<DockerfileCheck.Instruction> runtime = dockerfile.finalStage();
        assertThat(runtime.getFirst().arguments()).matches("eclipse-temurin:(2[1-9]|[3-9]\\d)-jre.*");
        assertThat(runtime).anySatisfy(i -> assertThat(i.keyword() + " " + i.arguments())
                .matches("EXPOSE .*").contains("8080").contains("8883").contains("8443"));
        assertThat(runtime).anySatisfy(i -> assertThat(i.keyword() + " " + i.arguments()).isEqualTo("ENV DPS_DATA_DIR=/data"));
        assertThat(runtime).anySatisfy(i -> assertThat(i.keyword() + " " + i.arguments()).contains("VOLUME").contains("/data"));
        assertThat(runtime).anySatisfy(i -> assertThat(i.keyword() + " " + i.arguments())
                .startsWith("HEALTHCHECK").contains("http://localhost:8080/actuator/health/readiness"));
    }

    @Test
    void theCheckersReportBrokenFiles() throws IOException {
        ComposeFileCheck compose = ComposeFileCheck.of(DOCKER.resolve("compose.yaml"), """
                services:
                  app:
                    build: {context: .., dockerfile: docker/Missing.Dockerfile}
                    env_file: missing.env
                    volumes: ["./missing.conf:/etc/x.conf", "undeclared:/data"]
                    ports: ["${UNDEFINED_PORT}:80"]
                    depends_on: [nothing]
                  other:
                    environment: {X: "$${ESCAPED}"}
                    ports: ["${UNDEFINED_PORT}:80"]
                """);
        assertThat(compose.problems(Set.of())).hasSize(8).noneMatch(problem -> problem.contains("ESCAPED"))
                .anyMatch(problem -> problem.contains("missing.conf")).anyMatch(problem -> problem.contains("both publish"));

        DockerfileCheck dockerfile = DockerfileCheck.of("""
                RUN echo before any FROM
                FROM eclipse-temurin:25-jre
                COPY missing-folder/ /app/
                COPY docs/ /docs/
                COPY --from=nowhere /x /y
                """, ROOT);
        assertThat(dockerfile.problems()).hasSize(6)
                .anyMatch(problem -> problem.contains("docs/ is excluded by .dockerignore"))
                .anyMatch(problem -> problem.contains("runs as root")).anyMatch(problem -> problem.contains("no HEALTHCHECK"));
    }

    @Test
    void theBuildStageCopiesEveryFolderThePomCompilesFrom() throws IOException {
        assertThat(PomSources.topLevelFolders(Files.readString(ROOT.resolve("pom.xml"))))
                .as("src/main/java and the build-helper add-source folder").containsExactlyInAnyOrder("src", "simulator");

        DockerfileCheck withoutSimulator = DockerfileCheck.of("""
                FROM eclipse-temurin:25-jdk AS build
                COPY mvnw pom.xml ./
                COPY .mvn/ .mvn/
                COPY frontend/ frontend/
                COPY src/ src/
                RUN ./mvnw -B -Dmaven.test.skip=true package
                FROM eclipse-temurin:25-jre
                COPY --from=build /build/localdps.jar /opt/localdps.jar
                USER localdps
                HEALTHCHECK CMD curl -f http://localhost:8080/actuator/health/readiness
                """, ROOT);
        assertThat(withoutSimulator.problems()).singleElement().asString()
                .contains("does not COPY simulator/").contains("pom.xml compiles");

        DockerfileCheck wholeContext = DockerfileCheck.of("""
                FROM eclipse-temurin:25-jdk AS build
                COPY . .
                RUN ./mvnw -B package
                FROM eclipse-temurin:25-jre
                USER localdps
                HEALTHCHECK CMD true
                """, ROOT);
        assertThat(wholeContext.problems()).as("COPY . . brings every folder").isEmpty();
    }

    @Test
    void thePomReaderFindsEveryAddSourceFolderButNoTestSources() {
        String pom = """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><build>
                  <sourceDirectory>app/java</sourceDirectory>
                  <plugins><plugin><artifactId>build-helper-maven-plugin</artifactId><executions>
                    <execution><goals><goal>add-source</goal></goals>
                      <configuration><sources><source>${project.basedir}/generated/java</source>
                        <source>./tools/src</source></sources></configuration></execution>
                    <execution><goals><goal>add-test-source</goal></goals>
                      <configuration><sources><source>${project.basedir}/it/java</source></sources></configuration></execution>
                  </executions></plugin></plugins>
                </build></project>
                """;

        assertThat(PomSources.topLevelFolders(pom)).containsExactly("app", "generated", "tools");
    }

    /** The variables {@code docker/.env.example} defines (a user copies it to {@code docker/.env}). */
    private static Set<String> exampleVariables() throws IOException {
        Set<String> variables = new HashSet<>();
        Pattern assignment = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=");
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            Matcher matcher = assignment.matcher(line);
            if (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
