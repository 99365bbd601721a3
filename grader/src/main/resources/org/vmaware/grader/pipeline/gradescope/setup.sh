#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image: it makes sure a JDK 17 or newer is
# there (the grader compiles each submission with javac). Everything else is in this zip.
set -euo pipefail
AUTOGRADER=${AUTOGRADER:-/autograder}
major=0
if command -v javac >/dev/null 2>&1; then
  major=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
fi
if [ "$major" -lt 17 ] 2>/dev/null || [ "$major" = 0 ]; then
  echo "setup.sh: installing a JDK 17 (found: ${major})"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless >/dev/null
fi
chmod +x "$AUTOGRADER/source/run_autograder"
echo "setup.sh: $(javac -version 2>&1)"
