#!/usr/bin/env bash
# Side-by-side benchmarks: builds the benchmarks module, then runs every workload of every implementation in
# separate JVM processes and prints one markdown table (results also in benchmarks/results/, chart in
# docs/performance-chart.svg).
#
#   benchmarks/run.sh                 default run (3 processes per implementation, ~10-15 min on 2 cores)
#   benchmarks/run.sh --full          5 processes, twice the repetitions
#   benchmarks/run.sh --no-build --only w1,w4 --impls jasyncio,kotlin
#
# Environment: JDK17 (default /usr/lib/jvm/java-17-openjdk-amd64), JDK25 (default
# /usr/lib/jvm/temurin-25-jdk-amd64, for virtual threads).
set -euo pipefail
cd "$(dirname "$0")/.."

JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
[[ -x "$JDK17/bin/java" ]] || JDK17=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")

source benchmarks/build-if-asked.sh "$@"

# The measuring processes run from a private copy of the jar, so a rebuild during the run changes nothing.
jar=$(mktemp --suffix=.jar)
trap 'rm -f "$jar"' EXIT
cp benchmarks/target/benchmarks.jar "$jar"
"$JDK17/bin/java" -cp "$jar" dev.jasyncio.benchmarks.harness.Harness \
  --jdk17 "$JDK17" --jdk25 "$JDK25" ${args[@]+"${args[@]}"}
