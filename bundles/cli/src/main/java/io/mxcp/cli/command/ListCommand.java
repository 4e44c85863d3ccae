package io.mxcp.cli.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.core.api.Project;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointKind;
import picocli.CommandLine.Command;

/** {@code mxcp list}: every endpoint file discovered, and why the ones that failed did not load. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every endpoint file of the project, with load errors.")
final class ListCommand extends ProjectSubcommand {

    ListCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        List<DiscoveredEndpoint> endpoints;
        try (Project project = openProject(false)) {
            // the built-in SQL tools have no file: the original does not list them
            endpoints = project.endpoints().stream().filter(DiscoveredEndpoint::fromFile).toList();
        }
        if (jsonOutput) {
            printJsonResult(payload(endpoints));
        } else {
            terminal.out().print(report(endpoints));
        }
        return 0;
    }

    static Map<String, Object> payload(List<DiscoveredEndpoint> endpoints) {
        List<Object> entries = new ArrayList<>();
        boolean anyFailed = false;
        for (DiscoveredEndpoint endpoint : endpoints) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", endpoint.relativePath());
            entry.put("kind", endpoint.kind().yamlKey());
            entry.put("name", endpoint.identifier() == null ? "unknown" : endpoint.identifier());
            entry.put("error", endpoint.loaded() ? "" : endpoint.error());
            anyFailed |= !endpoint.loaded();
            entries.add(entry);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", anyFailed ? "error" : "ok");
        payload.put("endpoints", entries);
        return payload;
    }

    String report(List<DiscoveredEndpoint> endpoints) {
        StringBuilder text = new StringBuilder();
        text.append('\n').append(terminal.heading("📋 Endpoints Discovery")).append("\n\n");
        if (endpoints.isEmpty()) {
            text.append("ℹ️  No endpoints found\n");
            text.append("   Create endpoint files under tools/, resources/ or prompts/ to get started.\n");
            return text.toString();
        }
        List<DiscoveredEndpoint> failed = endpoints.stream().filter(e -> !e.loaded())
                .sorted(Comparator.comparing(DiscoveredEndpoint::relativePath)).toList();
        List<DiscoveredEndpoint> valid = endpoints.stream().filter(DiscoveredEndpoint::loaded).toList();
        text.append("Found ").append(endpoints.size()).append(" endpoint files\n");
        text.append("   • ").append(terminal.success(valid.size() + " valid")).append('\n');
        text.append("   • ").append(terminal.failure(failed.size() + " failed")).append('\n');
        if (!failed.isEmpty()) {
            text.append('\n').append(terminal.failure("❌ Failed endpoints:")).append('\n');
            for (DiscoveredEndpoint endpoint : failed) {
                text.append("  ").append(terminal.failure("✗ ")).append(endpoint.relativePath()).append('\n');
                text.append(ErrorText.indented("    ", endpoint.error(), terminal));
            }
        }
        if (!valid.isEmpty()) {
            text.append('\n').append(terminal.success("✅ Valid endpoints:")).append('\n');
            appendGroup(text, "🔧 Tools:", valid, EndpointKind.TOOL);
            appendGroup(text, "📦 Resources:", valid, EndpointKind.RESOURCE);
            appendGroup(text, "💬 Prompts:", valid, EndpointKind.PROMPT);
        }
        return text.toString();
    }

    private void appendGroup(StringBuilder text, String title, List<DiscoveredEndpoint> valid, EndpointKind kind) {
        List<DiscoveredEndpoint> group = valid.stream().filter(e -> e.kind() == kind)
                .sorted(Comparator.comparing(DiscoveredEndpoint::identifier)).toList();
        if (group.isEmpty()) {
            return;
        }
        text.append('\n').append(terminal.emphasis(title)).append('\n');
        for (DiscoveredEndpoint endpoint : group) {
            text.append("  ").append(terminal.success("✓ ")).append(endpoint.identifier())
                    .append(terminal.muted(" (" + endpoint.relativePath() + ")")).append('\n');
        }
    }
}
