"""Convert a sentence-transformers folder (BERT/XLM-R encoder, mean pooling) to ONNX, int8-quantised.

Why: on two CPU cores the fp32 torch model embeds 50-60 sentences/s. ONNX Runtime with dynamic
int8 weights (per output channel) embeds 230+/s, and cross-lingual retrieval moves by at most 0.005
P@1 on FLORES (see eval/encoder_bench.py). The conversion runs once and its result is cached.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import warnings
from pathlib import Path

from .base import quiet_transformers

log = logging.getLogger(__name__)

ONNX_FILE = "model-int8.onnx"
MARKER = "framing_onnx.json"
QUANTISATION = "dynamic int8, u8 activations x 7-bit s8 weights (reduce_range), per channel"


def is_converted(folder: Path) -> bool:
    return (folder / MARKER).is_file() and (folder / ONNX_FILE).is_file() and (folder / "tokenizer.json").is_file()


def _check_mean_pooling(source: Path) -> None:
    pooling = source / "1_Pooling" / "config.json"
    if pooling.is_file():
        config = json.loads(pooling.read_text(encoding="utf-8"))
        if not config.get("pooling_mode_mean_tokens", False):
            raise ValueError(f"{source}: only mean-pooling models can be converted to ONNX here")


def convert(source: Path, target: Path) -> Path:
    """Export ``source`` (a sentence-transformers folder) to ``target``/model-int8.onnx plus its tokenizer."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    _check_mean_pooling(source)
    quiet_transformers()
    base = AutoModel.from_pretrained(str(source)).eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    staging = Path(tempfile.mkdtemp(prefix="framing-onnx-", dir=target.parent if target.parent.exists() else None))
    try:
        fp32 = staging / "model.onnx"
        dummy = torch.ones(2, 8, dtype=torch.long)
        axes = {0: "batch", 1: "tokens"}
        # The exporter warns about tracing details that do not apply to a fixed encoder graph.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                LastHiddenState(base),
                (dummy, dummy),
                str(fp32),
                input_names=["input_ids", "attention_mask"],
                output_names=["last_hidden_state"],
                dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes},
                opset_version=17,
                dynamo=False,
            )
        # Per-channel scales keep retrieval within 0.005 P@1 of fp32; per-tensor lost up to 0.012.
        # Weights in 7 bits (reduce_range): ONNX Runtime's u8 x s8 kernels take different paths with and
        # without VNNI, and the AVX2 one sums pairs of u8 x s8 products in 16 bits, which 8-bit weights
        # can overflow (255 x 127 x 2 > 32767), so the same model gave different vectors (and decisions)
        # on different CPUs. With 7-bit weights no sum can saturate (255 x 63 x 2 < 32767): every path is
        # exact integer arithmetic. Measured here: as fast as 8-bit, ~25% faster than u8 x u8 kernels.
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # the quantiser's advice to pre-process applies to image models, not here
        try:
            quantize_dynamic(str(fp32), str(staging / ONNX_FILE), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
        finally:
            root.setLevel(level)
        fp32.unlink()
        shutil.copy(source / "tokenizer.json", staging / "tokenizer.json")
        info = {"source": str(source), "quantisation": QUANTISATION, "opset": 17}
        (staging / MARKER).write_text(json.dumps(info, indent=2), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("converted %s to int8 ONNX in %s", source, target)
    return target
