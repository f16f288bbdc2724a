#!/usr/bin/env bash
# Re-runs every CPython snippet the runtime tests are checked against and records its output in <name>.out.
# Usage: regen.sh [name ...]   (default: all). PYTHON overrides the interpreter (CPython 3.13 is the oracle).
set -euo pipefail
cd "$(dirname "$0")"
py=${PYTHON:-$HOME/.pyenv/versions/3.13.0/bin/python3.13}
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(); for f in *.py; do names+=("${f%.py}"); done
fi
for n in "${names[@]}"; do
  "$py" "$n.py" > "$n.out" 2>/dev/null || { echo "$n.py failed" >&2; exit 1; }
done
