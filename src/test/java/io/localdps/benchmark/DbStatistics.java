package io.localdps.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * H2's own per-statement statistics ({@code SET QUERY_STATISTICS TRUE}): how many statements a
 * registration costs and how long H2 spends executing them (parsing and the JDBC and Spring
 * layers above are not included; a JFR profile shows those).
 */
final class DbStatistics {

    private static final int MAX_ENTRIES = 200;

    private DbStatistics() {
    }

    /** Turning the setting off and on again clears what was collected so far (the warm-up). */
    static void reset(JdbcTemplate jdbc) {
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES " + MAX_ENTRIES);
        jdbc.execute("SET QUERY_STATISTICS TRUE");
    }

    static void print(JdbcTemplate jdbc, int registrations) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME "
                + "FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%' "
                + "ORDER BY CUMULATIVE_EXECUTION_TIME DESC");
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        double perRegistration = Math.max(1, registrations);
        long statements = rows.stream().mapToLong(r -> ((Number) r.get("EXECUTION_COUNT")).longValue()).sum();
        double millis = rows.stream().mapToDouble(r -> ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue()).sum();
        System.out.printf(Locale.ROOT, "  H2 statements        %.1f per registration, %.2f ms H2 execution time per registration "
                + "(%d distinct statements)%n", statements / perRegistration, millis / perRegistration, rows.size());
        rows.stream().limit(15).forEach(r -> {
            long count = ((Number) r.get("EXECUTION_COUNT")).longValue();
            double total = ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue();
            String sql = r.get("SQL_STATEMENT").toString().replaceAll("\\s+", " ");
            System.out.printf(Locale.ROOT, "    %5.2f/reg %7.1f µs avg  %s%n", count / perRegistration, 1000 * total / count,
                    sql.length() > 150 ? sql.substring(0, 150) + "..." : sql);
        });
    }
}
