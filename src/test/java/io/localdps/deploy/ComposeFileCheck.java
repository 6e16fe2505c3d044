package io.localdps.deploy;

import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Compose file the way {@code docker compose config} would need it to be, without a Docker
 * engine: every service has an image or a build whose context and Dockerfile exist, every file it
 * mounts or reads exists, every {@code ${VARIABLE}} is defined in the example env file (or has a
 * default), every dependency names a service, and services of one profile publish distinct ports.
 * Each finding is a sentence; an empty list means the file is fine.
 */
final class ComposeFileCheck {

    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?-[^}]*)?}");

    private final Path composeFile;
    private final Path folder;
    private final Map<String, Object> document;
    private final List<String> problems = new ArrayList<>();

    private ComposeFileCheck(Path composeFile, String text) {
        this.composeFile = composeFile;
        this.folder = composeFile.toAbsolutePath().getParent();
        Object parsed = new Yaml().load(text);
        this.document = parsed instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    static ComposeFileCheck of(Path composeFile) throws java.io.IOException {
        return new ComposeFileCheck(composeFile, Files.readString(composeFile));
    }

    /** For checking the checker: the text stands for a Compose file at {@code composeFile}. */
    static ComposeFileCheck of(Path composeFile, String text) {
        return new ComposeFileCheck(composeFile, text);
    }

    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        if (document.get("services") instanceof Map<?, ?> map) {
            map.forEach((name, body) -> services.put(String.valueOf(name), body instanceof Map<?, ?> m ? cast(m) : Map.of()));
        }
        return services;
    }

    List<String> profilesOf(String service) {
        return services().getOrDefault(service, Map.of()).get("profiles") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** Every problem found, given the variables the example env file defines. */
    List<String> problems(Set<String> definedVariables) {
        problems.clear();
        Map<String, Map<String, Object>> services = services();
        if (services.isEmpty()) {
            problems.add(composeFile + " defines no services");
        }
        Set<String> namedVolumes = document.get("volumes") instanceof Map<?, ?> volumes
                ? new TreeSet<>(volumes.keySet().stream().map(String::valueOf).toList()) : Set.of();
        services.forEach((name, service) -> {
            checkImageOrBuild(name, service);
            for (String envFile : strings(service.get("env_file"))) {
                Path file = folder.resolve(envFile);
                Path example = folder.resolve(envFile + ".example");
                if (!Files.isRegularFile(file) && !Files.isRegularFile(example)) {
                    problems.add(name + ": env_file " + envFile + " exists neither as itself nor as " + envFile + ".example");
                }
            }
            for (String volume : strings(service.get("volumes"))) {
                String source = volume.split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    if (!Files.exists(folder.resolve(source).normalize())) {
                        problems.add(name + ": the mounted file " + source + " does not exist");
                    }
                } else if (!namedVolumes.contains(source)) {
                    problems.add(name + ": volume " + source + " is not declared under the top-level volumes");
                }
            }
            for (String dependency : dependencies(service)) {
                if (!services.containsKey(dependency)) {
                    problems.add(name + ": depends on " + dependency + ", which is no service");
                }
            }
        });
        checkVariables(definedVariables);
        checkPorts(services);
        return List.copyOf(problems);
    }

    private void checkImageOrBuild(String name, Map<String, Object> service) {
        Object build = service.get("build");
        if (build == null) {
            if (!(service.get("image") instanceof String)) {
                problems.add(name + ": has neither an image nor a build");
            }
            return;
        }
        String context = build instanceof Map<?, ?> map ? String.valueOf(map.get("context")) : String.valueOf(build);
        String dockerfile = build instanceof Map<?, ?> map && map.get("dockerfile") != null
                ? String.valueOf(map.get("dockerfile")) : "Dockerfile";
        Path contextFolder = folder.resolve(context).normalize();
        if (!Files.isDirectory(contextFolder)) {
            problems.add(name + ": build context " + context + " is no folder");
        } else if (!Files.isRegularFile(contextFolder.resolve(dockerfile))) {
            problems.add(name + ": Dockerfile " + dockerfile + " does not exist in the build context " + context);
        }
    }

    private void checkVariables(Set<String> defined) {
        Matcher matcher = VARIABLE.matcher(new Yaml().dump(document));
        while (matcher.find()) {
            String problem = "${" + matcher.group(1) + "} has no default and is not defined in the example env file";
            if (matcher.group(2) == null && !defined.contains(matcher.group(1)) && !problems.contains(problem)) {
                problems.add(problem);
            }
        }
    }

    /** Services that run together (no profile, or a shared one) must not publish the same host port. */
    private void checkPorts(Map<String, Map<String, Object>> services) {
        Set<String> allProfiles = new TreeSet<>(List.of(""));
        services.keySet().forEach(name -> allProfiles.addAll(profilesOf(name)));
        Map<String, String> taken = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            List<String> profiles = profilesOf(name).isEmpty() ? List.copyOf(allProfiles) : profilesOf(name);
            for (String port : strings(service.get("ports"))) {
                String hostPort = port.contains(":") ? port.substring(0, port.lastIndexOf(':')) : port;
                for (String profile : profiles) {
                    String other = taken.putIfAbsent(profile + "|" + hostPort, name);
                    if (other != null) {
                        problems.add(name + " and " + other + " both publish " + hostPort + " in profile '" + profile + "'");
                    }
                }
            }
        });
    }

    static List<String> dependencies(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        return strings(dependsOn);
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> item instanceof Map<?, ?> map
                    ? String.valueOf(map.containsKey("source") ? map.get("source") : map.get("path")) : String.valueOf(item)).toList();
        }
        return List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
