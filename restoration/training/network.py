"""The network's layers in torch (see model.py for why this shape).

Imported only by ``build_model``: torch loads when a network is built, never before.
"""

import torch
from torch import nn
from torch.nn import functional

INPUT_CHANNELS = 7  # Navier–Stokes fill + Telea fill (RGB each, in [-1, 1]) + mask


class GatedConv(nn.Module):
    """A convolution whose output each pixel weighs by a learnt gate (Yu et al., 2019)."""

    def __init__(self, cin: int, cout: int, *, stride: int = 1, dilation: int = 1) -> None:
        super().__init__()
        self.conv = nn.Conv2d(cin, 2 * cout, 3, stride, padding=dilation, dilation=dilation)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        feature, gate = self.conv(x).chunk(2, dim=1)
        return functional.elu(feature) * torch.sigmoid(gate)


class InpaintingNet(nn.Module):
    """Encoder to 1/8 resolution, dilated middle, decoder with skips; a residual over the fill."""

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
