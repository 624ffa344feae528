#!/usr/bin/env bash
# Install framing (CPU torch pinned) into .venv and run the main job on the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. .venv/bin/activate
export HF_HUB_OFFLINE=1
framing compare seeds/ "$@"
