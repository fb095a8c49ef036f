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


INPUT_CHANNELS = 7  # Navier–Stokes fill + Telea fill (RGB each, in [-1, 1]) + mask
DOWNSCALE = 8  # input sides must be multiples of this


def build_model(config: ModelConfig) -> Any:
    """An `InpaintingNet` (torch.nn.Module); torch is imported here, not at module import."""
    import torch
    from torch import nn
    from torch.nn import functional

    class GatedConv(nn.Module):
        def __init__(self, cin: int, cout: int, *, stride: int = 1, dilation: int = 1) -> None:
            super().__init__()
            self.conv = nn.Conv2d(cin, 2 * cout, 3, stride, padding=dilation, dilation=dilation)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            feature, gate = self.conv(x).chunk(2, dim=1)
            return functional.elu(feature) * torch.sigmoid(gate)

    class InpaintingNet(nn.Module):
        def __init__(self, c: int, dilations: tuple[int, ...]) -> None:
            super().__init__()
            self.e1 = GatedConv(INPUT_CHANNELS, c)
            self.e2 = GatedConv(c, 2 * c, stride=2)
            self.e3 = GatedConv(2 * c, 4 * c, stride=2)
            self.e4 = GatedConv(4 * c, 4 * c, stride=2)
            self.middle = nn.Sequential(*[GatedConv(4 * c, 4 * c, dilation=d) for d in dilations])
            self.d3 = GatedConv(8 * c, 4 * c)
            self.d2 = GatedConv(6 * c, 2 * c)
            self.d1 = GatedConv(3 * c, c)
            self.out = nn.Conv2d(c, 3, 3, padding=1)
            nn.init.zeros_(self.out.weight)  # start as the classical fill itself
            nn.init.zeros_(self.out.bias)  # type: ignore[arg-type]  # always has a bias

        def forward(self, fills: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            """fills: (N,6,H,W) in [-1,1], base fill first; mask: (N,1,H,W) 1=hole.

            Returns the refined base fill, (N,3,H,W)."""
            x1 = self.e1(torch.cat([fills, mask], dim=1))
            x2 = self.e2(x1)
            x3 = self.e3(x2)
            x = self.middle(self.e4(x3))
            x = self.d3(torch.cat([_up(x), x3], dim=1))
            x = self.d2(torch.cat([_up(x), x2], dim=1))
            x = self.d1(torch.cat([_up(x), x1], dim=1))
            return fills[:, :3] + self.out(x)

    def _up(x: torch.Tensor) -> torch.Tensor:
        return functional.interpolate(x, scale_factor=2.0, mode="nearest")

    return InpaintingNet(config.width, config.dilations)


def parameter_count(model: Any) -> int:
    return int(sum(p.numel() for p in model.parameters()))


__all__ = ["DOWNSCALE", "INPUT_CHANNELS", "ModelConfig", "asdict", "build_model", "parameter_count"]
