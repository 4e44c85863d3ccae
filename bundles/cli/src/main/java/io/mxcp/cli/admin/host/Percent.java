package io.mxcp.cli.admin.host;

/** Percentages as psutil reports them: rounded to one decimal, 0 when the whole is 0. */
final class Percent {

    private Percent() {
    }

    static double of(double part, double whole) {
        return whole <= 0 ? 0.0 : rounded(part / whole * 100);
    }

    static double rounded(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}
