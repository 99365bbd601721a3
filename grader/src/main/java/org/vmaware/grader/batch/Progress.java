package org.vmaware.grader.batch;

import java.io.PrintStream;
import java.util.Locale;

import org.vmaware.grader.report.ScoreTable;

/**
 * The batch's progress: on a terminal one line redrawn in place, a bar with the count and the ETA (the mean time
 * of the gradings so far, times those left); elsewhere (a CI log, a pod's log) one line per submission.
 */
final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private int done;
    private double seconds;
    private int timed;

    Progress(PrintStream out, boolean terminal, int total, int alreadyDone) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.done = alreadyDone;
    }

    void starting(String student) {
        if (terminal) {
            out.print("\r" + bar() + " grading " + student + "\u001b[K");
            out.flush();
        }
    }

    void finished(Row row, double took) {
        done++;
        seconds += took;
        timed++;
        String what = row.status().equals("graded") ? String.format(Locale.ROOT, "%s of %s",
                ScoreTable.points(row.total()), ScoreTable.points(row.max()))
                : row.status();
        if (terminal) {
            out.print("\r" + bar() + " " + row.student() + ": " + what + "\u001b[K");
            if (done == total) {
                out.println();
            }
        } else {
            out.printf(Locale.ROOT, "[grade-batch] %d/%d %s: %s (%.1f s, ETA %s)%n", done, total, row.student(), what,
                    took, eta());
        }
        out.flush();
    }

    private String bar() {
        int width = 30;
        int filled = total == 0 ? width : width * done / total;
        return String.format(Locale.ROOT, "[%s%s] %d/%d ETA %s", "#".repeat(filled), ".".repeat(width - filled), done,
                total, eta());
    }

    private String eta() {
        if (timed == 0) {
            return "--:--";
        }
        long left = Math.round(seconds / timed * (total - done));
        return String.format(Locale.ROOT, "%d:%02d:%02d", left / 3600, left / 60 % 60, left % 60);
    }
}
