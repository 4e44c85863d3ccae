package io.mxcp.core.evals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.mxcp.core.api.Project;
import io.mxcp.core.internal.evals.EvalSuiteParser;
import io.mxcp.core.internal.evals.EvalSuiteParser.NotAnEvalFile;

/**
 * The eval files of a project: every {@code *.yml} under its {@code paths.evals} folder, recursively, sorted by path
 * (spec 02b §4). A YAML file without a top-level {@code mxcp} key is not an eval file and is skipped with a warning.
 */
public final class EvalSuiteFiles {
    private static final Logger LOG = System.getLogger(EvalSuiteFiles.class.getName());

    private final List<EvalSuiteFile> files;

    private EvalSuiteFiles(List<EvalSuiteFile> files) {
        this.files = List.copyOf(files);
    }

    public static EvalSuiteFiles of(Project project) {
        Path root = project.root();
        Path folder = root.resolve(evalsFolder(project.siteConfig()));
        List<EvalSuiteFile> files = new ArrayList<>();
        for (Path file : yamlFiles(folder)) {
            String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            try {
                files.add(new EvalSuiteFile(file, relative, EvalSuiteParser.parse(file), null));
            } catch (NotAnEvalFile skipped) {
                LOG.log(Level.WARNING, "Skipping {0}: not an eval file (no top-level ''mxcp'' key)", file);
            } catch (EvalSuiteParser.InvalidEvalFile e) {
                files.add(new EvalSuiteFile(file, relative, null,
                        "Failed to load eval file " + file + ": " + e.getMessage()));
            }
        }
        return new EvalSuiteFiles(files);
    }

    /** Every eval file, loaded or not, in discovery order. */
    public List<EvalSuiteFile> all() {
        return files;
    }

    /** The first loaded suite of that name. */
    public Optional<EvalSuite> find(String suiteName) {
        return files.stream().filter(EvalSuiteFile::loaded).map(EvalSuiteFile::suite)
                .filter(suite -> suite.name().equals(suiteName)).findFirst();
    }

    private static String evalsFolder(Map<String, Object> siteConfig) {
        return siteConfig.get("paths") instanceof Map<?, ?> paths && paths.get("evals") instanceof String folder
                ? folder : "evals";
    }

    private static List<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".yml") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Cannot list {0}: {1}", folder, e.getMessage());
            return List.of();
        }
    }
}
