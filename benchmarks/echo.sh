#!/usr/bin/env bash
# Echo throughput, p50 / p99 round-trip latency and the server's CPU per round trip on loopback, plain TCP and TLS:
# jasyncio (one loop, or a LoopGroup of 2), Netty 4.2 (NIO transport, 1 or 2 event-loop threads, SslHandler over
# the JDK's SSLEngine), and on request virtual threads on blocking sockets (one carrier, plain only), at 100 and 1,000
# connections. Each server runs in a JVM of its own; the load generator (one thread, ping-pong of 128-byte messages
# per connection; a selector for plain TCP, one jasyncio loop for TLS) runs in this script's JVM. Prints a Markdown
# table, also saved as benchmarks/results/echo.md (the runs in docs/PERFORMANCE.md).
#
#   benchmarks/echo.sh                       build, then the full run (3 rounds)
#   benchmarks/echo.sh --no-build --modes tls --conns 100 --impls jasyncio:1,netty:1 --seconds 5
#
# JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64) runs every process: virtual threads need JDK 21+.
# 10,000 connections need 10,000+ file descriptors in each process: check `ulimit -n`.
set -euo pipefail
cd "$(dirname "$0")/.."

JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
source benchmarks/build-if-asked.sh "$@"

limit=$(ulimit -n)
if [[ "$limit" != unlimited && "$limit" -lt 10500 ]]; then
  echo "warning: ulimit -n is $limit; 10,000 connections need more than 10,000 descriptors per process" >&2
fi

mkdir -p benchmarks/results
out="benchmarks/results/echo.md"
{
  echo "JDK: $("$JDK25/bin/java" -version 2>&1 | head -1); $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  "$JDK25/bin/java" -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.jasyncio.benchmarks.echo.EchoBenchmark \
    --java "$JDK25/bin/java" ${args[@]+"${args[@]}"}
} | tee "$out"
