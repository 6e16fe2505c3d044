package io.localdps.simulator.cli;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options, each at most once, unknown names refused. */
final class CliOptions {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();

    private CliOptions() {
    }

    static CliOptions parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        CliOptions options = new CliOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value = null;
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options start with --)");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
            }
            if (flagOptions.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("--" + name + " takes no value");
                }
                options.flags.add(name);
                continue;
            }
            if (!valueOptions.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (options.values.put(name, value) != null) {
                throw new IllegalArgumentException("--" + name + " given twice");
            }
        }
        return options;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String value(String name) {
        return values.get(name);
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    double decimal(String name, double fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
        }
    }

    /** Exactly one of these options must be given; returns its name. */
    String oneOf(List<String> names) {
        List<String> given = names.stream().filter(n -> values.containsKey(n) || flags.contains(n)).toList();
        if (given.size() != 1) {
            throw new IllegalArgumentException("give exactly one of --" + String.join(", --", names)
                    + (given.isEmpty() ? "" : " (got --" + String.join(", --", given) + ")"));
        }
        return given.getFirst();
    }
}
