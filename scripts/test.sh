#!/usr/bin/env bash
# Install framing with its test extras into .venv (CPU torch pinned) and run ruff and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh "[test]"
. .venv/bin/activate
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}" OPENBLAS_NUM_THREADS=1 TOKENIZERS_PARALLELISM=false HF_HUB_OFFLINE=1
ruff check framing tests eval
python -m pytest -q
