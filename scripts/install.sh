#!/usr/bin/env bash
# Create .venv and install framing into it, torch pinned to the CPU build. Extra args: pip extras, e.g. "[test]".
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -c constraints.txt torch==2.13.0
.venv/bin/python -m pip install -q -c constraints.txt -e ".${1:-}"
