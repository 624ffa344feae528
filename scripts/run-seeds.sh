#!/usr/bin/env bash
# Install framing (CPU torch pinned) into .venv and run the main job on the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -c constraints.txt torch==2.13.0
python -m pip install -q -c constraints.txt -e .
export HF_HUB_OFFLINE=1
framing compare seeds/ "$@"
