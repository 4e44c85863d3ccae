package io.mxcp.cli.command;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.audit.AuditQuery;
import picocli.CommandLine.Option;

/** The record filters of {@code mxcp log} and the audit query they make: every filter given must hold. */
public final class LogFilters {

    private static final Pattern SINCE = Pattern.compile("(\\d+)([smhd])");

    @Option(names = "--tool", paramLabel = "NAME", description = "Only calls of this tool (repeat for several).")
    List<String> tools = List.of();

    @Option(names = "--resource", paramLabel = "URI",
            description = "Only reads of this resource, URI as declared (repeat for several).")
    List<String> resources = List.of();

    @Option(names = "--prompt", paramLabel = "NAME", description = "Only calls of this prompt (repeat for several).")
    List<String> prompts = List.of();

    @Option(names = "--type", paramLabel = "tool|resource|prompt|request", converter = TypeConverter.class,
            description = "Only calls of this kind of endpoint, or only the requests the server refused before any "
                    + "endpoint ran (request: no or an invalid token, a missing scope, an unknown session).")
    String type;

    @Option(names = "--policy", paramLabel = "allow|deny|warn|n/a", converter = PolicyConverter.class,
            description = "Only calls with this policy decision (n/a: no filter).")
    String policy;

    @Option(names = "--status", paramLabel = "success|error", converter = StatusConverter.class,
            description = "Only successful or only failed calls.")
    String status;

    @Option(names = "--since", paramLabel = "N{s|m|h|d}", description = "Only calls of the last N seconds, "
            + "minutes, hours or days (e.g. 10m, 2h, 1d).")
    String since;

    @Option(names = "--until", paramLabel = "N{s|m|h|d}", description = "Only calls older than N seconds, minutes, "
            + "hours or days (with --since: a window; ours).")
    String until;

    @Option(names = "--user", paramLabel = "ID", description = "Only calls by this user id (repeat for several; ours).")
    List<String> users = List.of();

    @Option(names = "--session", paramLabel = "ID",
            description = "Only calls of this MCP session (repeat for several; ours).")
    List<String> sessions = List.of();

    @Option(names = "--trace", paramLabel = "ID",
            description = "Only calls of this trace id (repeat for several; ours).")
    List<String> traces = List.of();

    public LogFilters() {
    }

    /** Reads an endpoint kind or {@code request}, the operation type of refused requests' records. */
    public static final class TypeConverter extends ChoiceConverter {

        public TypeConverter() {
            super(Stream.concat(Stream.of(EndpointKind.values()).map(EndpointKind::yamlKey), Stream.of("request"))
                    .toArray(String[]::new));
        }
    }

    /** Reads {@code allow}, {@code deny}, {@code warn} or {@code n/a}. */
    public static final class PolicyConverter extends ChoiceConverter {

        public PolicyConverter() {
            super("allow", "deny", "warn", "n/a");
        }
    }

    /** Reads {@code success} or {@code error}. */
    public static final class StatusConverter extends ChoiceConverter {

        public StatusConverter() {
            super("success", "error");
        }
    }

    /**
     * The query for these filters: {@code --tool}, {@code --resource} and {@code --prompt}, each as often as given,
     * together match any of their names (spec 02 reference §7.1: several → OR), as do the ids of {@code --user},
     * {@code --session} and {@code --trace} each; {@code --since} and {@code --until} count back from {@code now}.
     *
     * @param limit the most records to return, 0 for all
     * @throws IllegalArgumentException when {@code --since} is not a count and a unit
     */
    AuditQuery query(Instant now, int limit) {
        List<String> names = Stream.of(tools, resources, prompts).flatMap(List::stream).toList();
        List<String> policies = "n/a".equals(policy) ? List.of() : listOf(policy);
        return new AuditQuery(listOf(type), names, listOf(status), policies, users, sessions, traces,
                since == null ? null : cutoff(since, now), until == null ? null : cutoff(until, now), limit);
    }

    /**
     * {@code now} less the span; an instant, so it compares right with records written in any time zone (the
     * original compares local-time text with the stored UTC text).
     */
    private static Instant cutoff(String span, Instant now) {
        Matcher matcher = SINCE.matcher(span.toLowerCase(Locale.ROOT));
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return now.minus(switch (matcher.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
        } catch (ArithmeticException | DateTimeException | NumberFormatException tooFarBack) {
            // a count beyond what an instant can hold reads as a malformed span
        }
        throw new IllegalArgumentException("Invalid time format: " + span + ". Use format like '10m', '2h', '1d'");
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
