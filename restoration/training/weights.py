"""Versioned weights of the learned engine under settings.VITRINE_INPAINTER_DIR.

Each training run writes `inpainter-<UTC timestamp>-<sha8>.pt` (sha8: the first 8 hex digits of
the file's SHA-256) and points `latest.json` at it, with what a curator or auditor needs to know
about the weights: architecture, training time, split, number of samples.
"""

import hashlib
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from restoration.training.model import ModelConfig

LATEST = "latest.json"


class WeightsMissing(FileNotFoundError):
    """No trained weights in the inpainter folder."""


@dataclass(frozen=True)
class SavedWeights:
    version: str
    path: Path
    metadata: dict[str, Any]


def weights_save(
    *, directory: Path, state_dict: dict[str, Any], config: ModelConfig, metadata: dict[str, Any]
) -> SavedWeights:
    import torch

    buffer = io.BytesIO()
    torch.save({"state_dict": state_dict, "config": config.to_dict()}, buffer)
    payload = buffer.getvalue()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    version = f"inpainter-{stamp}-{hashlib.sha256(payload).hexdigest()[:8]}"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{version}.pt"
    path.write_bytes(payload)
    full = {"version": version, "file": path.name, "architecture": config.to_dict(), **metadata}
    # Write-then-rename: a reader never sees a half-written latest.json.
    temporary = directory / f".{LATEST}.tmp"
    temporary.write_text(json.dumps(full, indent=2, sort_keys=True), encoding="utf-8")
    temporary.replace(directory / LATEST)
    return SavedWeights(version=version, path=path, metadata=full)


def latest_weights(directory: Path) -> SavedWeights:
    """The weights latest.json names; WeightsMissing when there are none."""
    pointer = directory / LATEST
    if not pointer.is_file():
        raise WeightsMissing(f"no {LATEST} in {directory}")
    metadata = json.loads(pointer.read_text(encoding="utf-8"))
    path = directory / str(metadata["file"])
    if not path.is_file():
        raise WeightsMissing(f"{LATEST} names {path.name}, which is missing from {directory}")
    return SavedWeights(version=str(metadata["version"]), path=path, metadata=metadata)


def weights_load(saved: SavedWeights) -> Any:
    """The network with the saved weights, in eval mode."""
    import torch

    from restoration.training.model import build_model

    checkpoint = torch.load(saved.path, map_location="cpu", weights_only=True)
    model = build_model(ModelConfig.from_dict(checkpoint["config"]))
    model.load_state_dict(checkpoint["state_dict"])
    model.eval()
    return model
