package org.vmaware.grader.runtime;

import java.io.IOException;
import java.nio.file.Path;

import org.vmaware.grader.GradeBook;
import org.vmaware.grader.GradingSettings;
import org.vmaware.grader.fork.Channel;
import org.vmaware.grader.fork.Protocol;
import org.vmaware.grader.report.ResultsJson;

/**
 * Writes the grade book out after every change (registered as a {@link GradeBook.Listener}): in a child of the
 * command-line grader, as a frame on the channel, and no file; anywhere else (a student's {@code mvn test}),
 * results.json in the report directory, atomically (a temporary file, then a move).
 */
public final class Reporting implements GradeBook.Listener {

    @Override
    public void changed(GradeBook book) {
        if (Channel.isOpen()) {
            try {
                Channel.send(Protocol.RESULTS, ResultsJson.toJson(book.results(), book.observations(), book.elapsedSeconds()));
            } catch (IOException e) {
                System.err.println("grader: could not encode the results: " + e.getMessage());
            }
            return;
        }
        Path dir = GradingSettings.current().reportDir();
        try {
            ResultsJson.replace(dir, ResultsJson.tree(book.results(), book.observations(), book.elapsedSeconds()));
        } catch (IOException e) {
            System.err.println("grader: could not write " + dir.resolve("results.json") + ": " + e.getMessage());
        }
    }
}
