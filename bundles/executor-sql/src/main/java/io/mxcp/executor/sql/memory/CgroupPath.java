package io.mxcp.executor.sql.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the memory cgroups this process runs in, from its own up to the hierarchy's root, as {@code /proc/self/cgroup}
 * and {@code /proc/self/mountinfo} give them: the v1 memory controller where one is mounted (it is the one enforced
 * on a hybrid system), the unified v2 hierarchy otherwise.
 */
final class CgroupPath {

    private CgroupPath() {
    }

    /** @param root the file system's root ({@code /}; a folder shaped like it in tests) */
    static List<CgroupLimit> limits(Path root) throws IOException {
        List<String> memberships = Files.readAllLines(root.resolve("proc/self/cgroup"));
        List<String> mounts = Files.readAllLines(root.resolve("proc/self/mountinfo"));
        Optional<List<CgroupLimit>> v1 = find(root, memberships, mounts, false);
        return v1.isPresent() ? v1.get() : find(root, memberships, mounts, true).orElse(List.of());
    }

    private static Optional<List<CgroupLimit>> find(Path root, List<String> memberships, List<String> mounts,
            boolean unified) {
        Optional<String> ownPath = memberships.stream().map(line -> line.split(":", 3))
                .filter(fields -> fields.length == 3)
                .filter(fields -> unified ? fields[0].equals("0") && fields[1].isEmpty()
                        : List.of(fields[1].split(",")).contains("memory"))
                .map(fields -> fields[2]).findFirst();
        if (ownPath.isEmpty()) {
            return Optional.empty();
        }
        for (String line : mounts) {
            Optional<Mount> mount = Mount.parse(line);
            if (mount.isPresent() && mount.get().holds(unified)) {
                return Optional.of(mount.get().levels(root, ownPath.get(), unified));
            }
        }
        return Optional.empty();
    }

    /** A line of mountinfo: where a hierarchy is mounted, and which of its cgroups is the mount's root. */
    private record Mount(String hierarchyRoot, String mountPoint, String type, List<String> superOptions) {

        static Optional<Mount> parse(String line) {
            int separator = line.indexOf(" - ");
            if (separator < 0) {
                return Optional.empty();
            }
            String[] before = line.substring(0, separator).split(" ");
            String[] after = line.substring(separator + 3).split(" ");
            if (before.length < 5 || after.length < 3) {
                return Optional.empty();
            }
            return Optional.of(new Mount(unescape(before[3]), unescape(before[4]), after[0],
                    List.of(after[2].split(","))));
        }

        boolean holds(boolean unified) {
            return unified ? type.equals("cgroup2") : type.equals("cgroup") && superOptions.contains("memory");
        }

        /** The process's cgroup and every one above it within this mount, the process's own first. */
        List<CgroupLimit> levels(Path root, String ownPath, boolean unified) {
            String below;
            if (hierarchyRoot.equals("/")) {
                below = ownPath;
            } else if (ownPath.startsWith(hierarchyRoot)) {
                below = ownPath.substring(hierarchyRoot.length());
            } else {
                below = ""; // a cgroup namespace: the mount's root is the process's own cgroup
            }
            Path top = root.resolve(mountPoint.substring(1));
            String relative = below.startsWith("/") ? below.substring(1) : below;
            Path dir = relative.isEmpty() ? top : top.resolve(relative);
            List<CgroupLimit> levels = new ArrayList<>();
            for (Path level = dir; level != null && level.startsWith(top); level = level.getParent()) {
                levels.add(new CgroupLimit(level, "/" + top.relativize(level), unified));
            }
            return levels;
        }

        /** mountinfo writes a space, tab, newline or backslash in a path as an octal escape. */
        private static String unescape(String field) {
            StringBuilder text = new StringBuilder(field.length());
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == '\\' && i + 3 < field.length()
                        && field.substring(i + 1, i + 4).chars().allMatch(digit -> digit >= '0' && digit <= '7')) {
                    text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                    i += 3;
                } else {
                    text.append(c);
                }
            }
            return text.toString();
        }
    }
}
