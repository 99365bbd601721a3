#!/usr/bin/env python3
"""Classroom 50 autograder of @LAB@, written by `grader export-classroom50`.

Classroom 50's runner starts this in the student's checkout, with this file's siblings (the grader's tools and its
own copy of the lab: tests, baselines, thresholds) beside it. The grader takes only the lab's student files from
the checkout, grades them in child JVMs and writes ./result.json ("classroom50/result/v1", points x 4: Classroom 50
counts whole numbers) and ./release-body.md. Exit 0 whatever the score; non-zero only when the grader itself could
not run, which the runner reports as an infrastructure error, not as a grade.

The score is self-reported feedback: grading and publishing share the student's job and runner. The grade of
record is `grader grade-batch` over the students' submit/* tags (docs/instructors.md).
"""

import datetime
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
LAB = "@LAB@"


def submission_instant() -> str:
    """The graded commit's committer date, UTC: Classroom 50's `datetime`, the same on every regrade."""
    try:
        out = subprocess.run(["git", "-c", "safe.directory=*", "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=60, check=True).stdout.strip()
        when = datetime.datetime.fromtimestamp(int(out), datetime.timezone.utc)
    except (OSError, subprocess.SubprocessError, ValueError):
        when = datetime.datetime.now(datetime.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def main() -> int:
    java = shutil.which("java")
    if java is None:
        print("::error::no java on the PATH: give the assignment the runtime block runtime.json", file=sys.stderr)
        return 1
    tools = (HERE / "tools" / "classpath.txt").read_text().strip().split(":")
    classpath = ":".join(str(HERE / entry) for entry in tools if entry)
    # the report folder is the grader's: private, outside the checkout the code under test is taken from
    report = pathlib.Path(tempfile.mkdtemp(prefix="vmaware-report-", dir=os.environ.get("RUNNER_TEMP") or None))
    env = dict(os.environ, SUBMISSION_DATETIME=submission_instant())
    status = subprocess.run([java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", classpath,
                             "org.vmaware.grader.cli.GraderCli", "--labs", str(HERE),
                             "grade", LAB, "--submission", ".", "--out", str(report / "out"),
                             "--classroom50-result", "result.json"], env=env, check=False).returncode
    summary = report / "out" / "summary.md"
    if summary.is_file() and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as sink:
            sink.write(summary.read_text(encoding="utf-8"))
    if status != 0 or not pathlib.Path("result.json").is_file():
        print(f"::error::the grader itself failed (exit status {status}): this is not a grade of the code",
              file=sys.stderr)
        return status or 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
