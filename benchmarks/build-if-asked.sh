# Sourced by the benchmark scripts with their arguments: takes --no-build out of them (what is left is in args)
# and, unless it was given, installs the modules the benchmarks use and builds the benchmarks jar.
build=1
args=()
for a in "$@"; do
  if [[ "$a" == "--no-build" ]]; then build=0; else args+=("$a"); fi
done

if [[ $build == 1 ]]; then
  mvn -q -B install -DskipTests -pl coroutine-annotations,runtime,coroutine-transformer,coroutine-maven-plugin
  mvn -q -B -Pbench -pl benchmarks package
fi
