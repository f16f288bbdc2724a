#!/usr/bin/env bash
# Regenerates the golden outputs of the samples' Python originals by running them with CPython 3.13:
#   src/test/resources/python/seedNNN/<Example>.py  ->  src/test/resources/golden/seedNNN/<Example>.txt
# A script that writes to stderr also gets <Example>.stderr.txt. Each script is fed through standard input, so
# that the output names it "<stdin>" and does not depend on where the repository is checked out.
# Usage: samples/generate-golden.sh [seedNNN/Example ...]   (default: all)   PYTHON=... to choose the interpreter.
set -euo pipefail
cd "$(dirname "$0")/src/test/resources"
PYTHON="${PYTHON:-$HOME/.pyenv/versions/3.13.0/bin/python3.13}"
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 13), sys.version' || {
    echo "needs CPython 3.13 (set PYTHON)" >&2
    exit 1
}
if [[ $# -gt 0 ]]; then
    examples=("$@")
else
    mapfile -t examples < <(cd python && ls seed*/*.py | sed 's/\.py$//' | sort)
fi
run_one() {
    local example="$1"
    local out="golden/$example.txt" err="golden/$example.stderr.txt"
    mkdir -p "$(dirname "$out")"
    (cd "python/$(dirname "$example")" && PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 "$PYTHON" - \
        < "$(basename "$example").py" > "../../$out" 2> "../../$err") || true
    [[ -s "$err" ]] || rm -f "$err"
    echo "$example: $(wc -l < "$out") line(s)"
}
export -f run_one
export PYTHON
printf '%s\n' "${examples[@]}" | xargs -P 8 -I{} bash -c 'run_one "$@"' _ {}
