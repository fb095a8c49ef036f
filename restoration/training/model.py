"""The learned engine's network: a small gated-convolution encoder–decoder.

Why not a plain U-Net (the issue measured one at +0.4 dB over Telea): a plain convolution treats
hole pixels as if they were image. Here
- the network refines a classical fill (OpenCV Navier–Stokes) and predicts only a residual over
  it; the last layer starts at zero, so an untrained network *is* that fill and training learns
  corrections; it also sees OpenCV Telea's fill, so it can pick per region whichever is better;
- gated convolutions (Yu et al., "Free-Form Image Inpainting with Gated Convolution", 2019) learn
  per pixel how much to trust each feature, which is what a hole boundary needs;
- dilated layers at 1/8 resolution give a receptive field of a few hundred pixels (a large loss
  needs context from far away) at a small cost per megapixel.
"""

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class ModelConfig:
    width: int = 16  # channels at full resolution; doubled at 1/2, quadrupled below
    dilations: tuple[int, ...] = (1, 2, 4, 8, 16)
    # The shorter side (px) at which the network sees an image: larger images are reduced to
    # it, and the network's fill is enlarged into the holes (see engines/learned.py). None:
    # full resolution (weights trained before the working scale existed).
    work_side: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"width": self.width, "dilations": list(self.dilations), "work_side": self.work_side}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ModelConfig":
        work_side = data.get("work_side")
        return cls(
            width=int(data["width"]),
            dilations=tuple(int(d) for d in data["dilations"]),
            work_side=int(work_side) if work_side else None,
        )


DOWNSCALE = 8  # input sides must be multiples of this


def build_model(config: ModelConfig) -> Any:
    """An `InpaintingNet` (torch.nn.Module); torch is imported here, not at module import."""
    from restoration.training.network import InpaintingNet

    return InpaintingNet(config.width, config.dilations)


def parameter_count(model: Any) -> int:
    return int(sum(p.numel() for p in model.parameters()))


__all__ = ["DOWNSCALE", "ModelConfig", "asdict", "build_model", "parameter_count"]
