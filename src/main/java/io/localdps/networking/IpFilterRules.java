package io.localdps.networking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of behaviour.md §11 and security.md §5 for a rule list: errors per field (named as in
 * the API, {@code ipFilterRules[2].ipMask}) that stop a save, and warnings about rules that can
 * never decide because an earlier rule already covers all their addresses for their endpoints.
 */
final class IpFilterRules {

    static final String RULES = "ipFilterRules";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\-:/\\\\.+%_#*?!(),=@;']{1,128}");

    private IpFilterRules() {
    }

    static String field(int index, String property) {
        return RULES + "[" + index + "]." + property;
    }

    static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Enter a name for the rule.");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("Use up to 128 letters, digits and - : / \\ . + % _ # * ? ! ( ) , = @ ; '");
        }
        return Optional.empty();
    }

    static Map<String, String> errors(List<IpFilterRule> rules, int maxRules) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (rules.size() > maxRules) {
            errors.put(RULES, "At most " + maxRules + " IP filter rules are allowed; there are " + rules.size() + ".");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            IpFilterRule rule = rules.get(i);
            if (rule == null) {
                errors.put(field(i, "filterName"), "The rule is empty.");
                continue;
            }
            Optional<String> nameProblem = nameProblem(rule.filterName());
            if (nameProblem.isPresent()) {
                errors.put(field(i, "filterName"), nameProblem.get());
            } else {
                Integer earlier = seen.putIfAbsent(rule.filterName().toLowerCase(Locale.ROOT), i);
                if (earlier != null) {
                    errors.put(field(i, "filterName"), "Rule " + (earlier + 1) + " has this name already (names are compared ignoring case).");
                }
            }
            String maskField = field(i, "ipMask");
            IpMask.parse(rule.ipMask()).problem().ifPresent(problem -> errors.put(maskField, problem));
            if (rule.action() == null) {
                errors.put(field(i, "action"), "Choose Accept or Reject.");
            }
            if (rule.target() == null) {
                errors.put(field(i, "target"), "Choose all, deviceApi or serviceApi.");
            }
        }
        return errors;
    }

    /** Only for rules without errors: a rule fully covered by an earlier one never decides anything. */
    static List<String> warnings(List<IpFilterRule> rules) {
        List<String> warnings = new ArrayList<>();
        for (int later = 0; later < rules.size(); later++) {
            IpFilterRule rule = rules.get(later);
            IpMask mask = IpMask.parse(rule.ipMask()).mask().orElseThrow();
            for (int earlier = 0; earlier < later; earlier++) {
                IpFilterRule before = rules.get(earlier);
                IpMask beforeMask = IpMask.parse(before.ipMask()).mask().orElseThrow();
                if (beforeMask.covers(mask) && before.target().covers(rule.target())) {
                    String verb = before.action() == FilterAction.ACCEPT ? "accepts" : "rejects";
                    warnings.add("Rule " + (later + 1) + " \"" + rule.filterName() + "\" never applies: rule " + (earlier + 1)
                            + " \"" + before.filterName() + "\" comes first and already " + verb + " all of " + rule.ipMask()
                            + (before.action() == rule.action() ? "." : ", the opposite of what rule " + (later + 1) + " says."));
                    break;
                }
            }
        }
        return warnings;
    }
}
