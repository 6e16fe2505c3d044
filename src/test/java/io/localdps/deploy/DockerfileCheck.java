package io.localdps.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks {@code docker build} would fail on, or that make an image unfit to run, done without a
 * Docker engine: instructions are known, the file starts with FROM, each {@code COPY --from} names an
 * earlier stage, each plain COPY source exists in the build context and is not excluded by
 * {@code .dockerignore}; the stage that runs Maven copies every folder pom.xml compiles from
 * ({@link PomSources}); the final stage runs as a non-root USER and has a HEALTHCHECK.
 */
final class DockerfileCheck {

    private static final Set<String> INSTRUCTIONS = Set.of("FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD",
            "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");

    record Instruction(String keyword, String arguments) {
    }

    private final List<Instruction> instructions;
    private final Path context;
    private final List<String> ignored;
    private final Set<String> compiledFolders;

    private DockerfileCheck(String text, Path context, List<String> ignored, Set<String> compiledFolders) {
        this.instructions = parse(text);
        this.context = context;
        this.ignored = ignored;
        this.compiledFolders = compiledFolders;
    }

    /** Checks the Dockerfile against the build context, its .dockerignore and (if there is one) its pom.xml. */
    static DockerfileCheck of(String dockerfileText, Path context) throws IOException {
        Path dockerignore = context.resolve(".dockerignore");
        List<String> ignored = Files.exists(dockerignore) ? Files.readAllLines(dockerignore).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.endsWith("/") ? line.substring(0, line.length() - 1) : line).toList() : List.of();
        Path pom = context.resolve("pom.xml");
        Set<String> compiled = Files.isRegularFile(pom) ? PomSources.topLevelFolders(Files.readString(pom)) : Set.of();
        return new DockerfileCheck(dockerfileText, context, ignored, compiled);
    }

    /** Joins continuation lines, drops comments and the parser directive, splits keyword and arguments. */
    static List<Instruction> parse(String text) {
        List<Instruction> parsed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String joined = current.toString().strip();
            current.setLength(0);
            if (!joined.isEmpty()) {
                String[] parts = joined.split("\\s+", 2);
                parsed.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
            }
        }
        return parsed;
    }

    List<Instruction> instructions() {
        return instructions;
    }

    /** The instructions of the last stage (after the last FROM): what the running container gets. */
    List<Instruction> finalStage() {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (instructions.stream().filter(i -> !i.keyword().equals("ARG")).findFirst()
                .filter(i -> i.keyword().equals("FROM")).isEmpty()) {
            problems.add("the first instruction (after ARGs) is not FROM");
        }
        Set<String> stages = new HashSet<>();
        for (Instruction instruction : instructions) {
            if (!INSTRUCTIONS.contains(instruction.keyword())) {
                problems.add("unknown instruction " + instruction.keyword());
            }
            switch (instruction.keyword()) {
                case "FROM" -> {
                    String[] words = instruction.arguments().split("\\s+");
                    if (words.length == 3 && words[1].equalsIgnoreCase("AS")) {
                        stages.add(words[2].toLowerCase(Locale.ROOT));
                    }
                }
                case "COPY", "ADD" -> checkCopy(instruction, stages, problems);
                default -> {
                }
            }
        }
        checkBuildStageCopiesEverySourceFolder(problems);
        List<Instruction> last = finalStage();
        String user = last.stream().filter(i -> i.keyword().equals("USER")).reduce((a, b) -> b)
                .map(Instruction::arguments).orElse("root");
        if (user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
            problems.add("the final stage runs as root (no USER, or USER " + user + ")");
        }
        if (last.stream().noneMatch(i -> i.keyword().equals("HEALTHCHECK") && !i.arguments().equalsIgnoreCase("NONE"))) {
            problems.add("the final stage has no HEALTHCHECK");
        }
        return problems;
    }

    /**
     * The stage that runs Maven must have every top-level folder the POM compiles from (src/, and
     * each build-helper add-source folder such as simulator/), or the image fails to compile even
     * though the project builds on a developer's machine.
     */
    private void checkBuildStageCopiesEverySourceFolder(List<String> problems) {
        List<Instruction> stage = new ArrayList<>();
        List<List<Instruction>> mavenStages = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                stage = new ArrayList<>();
            }
            stage.add(instruction);
            if (instruction.keyword().equals("RUN") && instruction.arguments().matches("(?s).*\\bmvnw?\\b.*")
                    && !mavenStages.contains(stage)) {
                mavenStages.add(stage);
            }
        }
        for (List<Instruction> maven : mavenStages) {
            Set<String> copied = new HashSet<>();
            for (Instruction instruction : maven) {
                if (instruction.keyword().equals("COPY") || instruction.keyword().equals("ADD")) {
                    List<String> words = Arrays.stream(instruction.arguments().split("\\s+")).toList();
                    if (words.stream().anyMatch(word -> word.startsWith("--from="))) {
                        continue;
                    }
                    List<String> paths = words.stream().filter(word -> !word.startsWith("--")).toList();
                    // All but the last word are sources; keep each one's first path segment.
                    for (String source : paths.subList(0, Math.max(0, paths.size() - 1))) {
                        String path = source.startsWith("./") && source.length() > 2 ? source.substring(2) : source;
                        copied.add(path.split("/")[0]);
                    }
                }
            }
            for (String folder : compiledFolders) {
                if (!copied.contains(folder) && !copied.contains(".")) {
                    problems.add("the stage that runs Maven does not COPY " + folder
                            + "/, which pom.xml compiles from; the image would fail to compile");
                }
            }
        }
    }

    private void checkCopy(Instruction instruction, Set<String> stages, List<String> problems) {
        List<String> words = new ArrayList<>(Arrays.asList(instruction.arguments().split("\\s+")));
        String from = null;
        while (!words.isEmpty() && words.getFirst().startsWith("--")) {
            String option = words.removeFirst();
            if (option.startsWith("--from=")) {
                from = option.substring("--from=".length()).toLowerCase(Locale.ROOT);
            }
        }
        if (words.size() < 2) {
            problems.add(instruction.keyword() + " needs a source and a destination: " + instruction.arguments());
            return;
        }
        if (from != null) {
            if (!stages.contains(from)) {
                problems.add("COPY --from=" + from + " names no earlier stage");
            }
            return;
        }
        for (String source : words.subList(0, words.size() - 1)) {
            String path = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
            if (!Files.exists(context.resolve(path))) {
                problems.add(instruction.keyword() + " source " + source + " does not exist in the build context");
            } else if (ignored.contains(path) || ignored.contains(path.split("/")[0])) {
                problems.add(instruction.keyword() + " source " + source + " is excluded by .dockerignore");
            }
        }
    }
}
