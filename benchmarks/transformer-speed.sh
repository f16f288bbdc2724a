#!/usr/bin/env bash
# Transformer speed: classes per second through the transformer (in process, cold and warm), and what the Maven
# plugin adds to the build of a generated 500-class module. Prints both tables and writes
# benchmarks/results/transformer.md.
#
#   benchmarks/transformer-speed.sh              builds, then measures (10-15 min on 2 cores)
#   benchmarks/transformer-speed.sh --no-build   measures with the jar and the installed plugin as they are
#   benchmarks/transformer-speed.sh --quick      one JVM per case, few passes, two rounds of builds: a smoke test
#
# Environment: JDK17 (default /usr/lib/jvm/java-17-openjdk-amd64); Maven must be on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
[[ -x "$JDK17/bin/java" ]] || JDK17=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")

build=1
speed_args=()
build_args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --quick) speed_args=(--forks 1 --passes 5); build_args=(--rounds 2) ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done

# The generated module's builds use the plugin and runtime from the local repository: install them first.
if [[ $build == 1 ]]; then
  JAVA_HOME=$JDK17 mvn -q -B -o install -DskipTests \
    -pl coroutine-annotations,runtime,coroutine-transformer,coroutine-maven-plugin
  JAVA_HOME=$JDK17 mvn -q -B -o -Pbench -pl benchmarks package
fi

# Measured from a private copy of the jar, so a rebuild during the run changes nothing.
jar=$(mktemp --suffix=.jar)
speed=$(mktemp)
builds=$(mktemp)
trap 'rm -f "$jar" "$speed" "$builds"' EXIT
cp benchmarks/target/benchmarks.jar "$jar"

# Asked before the results file is rewritten, which would count as a change.
dirty=$(git status --porcelain --untracked-files=no -- . ':!benchmarks/results' | grep -q . \
  && echo ", with uncommitted changes" || true)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%MZ)
"$JDK17/bin/java" -cp "$jar" dev.jasyncio.benchmarks.transformer.TransformerSpeed \
  ${speed_args[@]+"${speed_args[@]}"} | tee "$speed"
JAVA_HOME=$JDK17 "$JDK17/bin/java" -cp "$jar" dev.jasyncio.benchmarks.transformer.PluginBuildTime \
  ${build_args[@]+"${build_args[@]}"} | tee "$builds"
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p benchmarks/results
{
  echo "# Transformer speed"
  echo
  echo "Measured $started by \`benchmarks/transformer-speed.sh${*:+ $*}\` at commit $(git rev-parse --short HEAD)$dirty."
  echo
  echo "| | |"
  echo "| --- | --- |"
  echo "| CPU | $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') |"
  echo "| JDK | $("$JDK17/bin/java" -version 2>&1 | head -1) |"
  echo "| Maven | $(JAVA_HOME=$JDK17 mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g') |"
  echo "| load average (1, 5, 15 min) | $load_start at the start, $load_end at the end |"
  echo
  echo "## In process: classes per second"
  echo
  cat "$speed"
  echo
  echo "## In a Maven build: what the plugin adds"
  echo
  cat "$builds"
} > benchmarks/results/transformer.md
echo "Wrote benchmarks/results/transformer.md" >&2
