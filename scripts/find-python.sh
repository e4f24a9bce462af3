#!/usr/bin/env bash
# Print a working interpreter for MAJOR.MINOR ($1, e.g. 3.10): python3.X on PATH
# (pyenv shims included, when they resolve) or any pyenv-installed 3.X.
set -euo pipefail
want="$1"
try() { "$1" -c "import sys; assert sys.version_info[:2] == tuple(map(int, '$want'.split('.')))" >/dev/null 2>&1; }
if command -v "python$want" >/dev/null 2>&1 && try "python$want"; then command -v "python$want"; exit 0; fi
root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
for p in "$root"/versions/"$want"*/bin/python"$want" /usr/bin/python"$want" /usr/local/bin/python"$want"; do
  if [ -x "$p" ] && try "$p"; then echo "$p"; exit 0; fi
done
echo "find-python: no Python $want found (install it, e.g. 'pyenv install $want')" >&2
exit 1
