package io.mxcp.cli.dbt;

/**
 * The names dbt knows an MXCP project by (spec 01 §7): its dbt project {@code <project>}, its profile
 * {@code <project>_<profile>} and the profile's target {@code <profile>}, with {@code -} written {@code _} (dbt
 * names must be identifiers).
 */
public record DbtNames(String project, String profile, String target) {

    public static DbtNames of(String project, String profile) {
        String sanitizedProject = sanitize(project);
        String sanitizedProfile = sanitize(profile);
        return new DbtNames(sanitizedProject, sanitizedProject + "_" + sanitizedProfile, sanitizedProfile);
    }

    private static String sanitize(String name) {
        return name.replace('-', '_');
    }
}
