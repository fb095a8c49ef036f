"""The parameters of damage detection, one field per threshold.

Every field appears as a ``restore --damage-…`` flag and in the admin tool's form (both are
built from this dataclass), because no default suits every collection: the curator is expected
to check and correct the proposed mask. Lengths are in pixels of the full image.
"""

from dataclasses import dataclass, field, fields
from typing import Any

from django.utils.translation import gettext_noop


@dataclass(frozen=True)
class DamageParameters:
    """Parameters of damage detection; lengths are in pixels of the full image.

    The help texts are marked for translation (the admin tool shows them in the curator's
    language) but stay plain English strings here, as the command line prints them.
    """

    crack_kernel: int = field(
        default=7,
        metadata={
            "help": gettext_noop(
                "width of the black-hat/top-hat element; cracks up to about half "
                "this wide are found (odd, 3-51)"
            )
        },
    )
    crack_threshold: float = field(
        default=40.0,
        metadata={
            "help": gettext_noop("grey levels (0-255) a crack must differ from its surroundings")
        },
    )
    crack_contrast: float = field(
        default=4.0,
        metadata={
            "help": gettext_noop(
                "a crack's response must be this many times the local mean "
                "response (suppresses texture)"
            )
        },
    )
    bright_cracks: bool = field(
        default=True, metadata={"help": gettext_noop("also detect thin bright lines (top-hat)")}
    )
    min_crack_length: int = field(
        default=20,
        metadata={"help": gettext_noop("shortest crack kept (length of its bounding box)")},
    )
    min_elongation: float = field(
        default=6.0,
        metadata={
            "help": gettext_noop("length²/area a crack component must reach (a dot is about 1-2)")
        },
    )
    min_wander: float = field(
        default=0.0,
        metadata={
            "help": gettext_noop(
                "cracks wander: a component within this many px (spread across its "
                "main axis) of a straight line is taken for a drawn or built edge; 0 keeps "
                "straight lines"
            )
        },
    )
    loss_threshold: float = field(
        default=0.0,
        metadata={
            "help": gettext_noop(
                "grey levels a loss must differ from the local median background; "
                "0 disables loss detection"
            )
        },
    )
    loss_window: int = field(
        default=101,
        metadata={"help": gettext_noop("size of the neighbourhood that defines the background")},
    )
    min_loss_area: int = field(
        default=60, metadata={"help": gettext_noop("smallest loss or stain kept, px²")}
    )
    stain_threshold: float = field(
        default=0.0,
        metadata={
            "help": gettext_noop(
                "Lab chroma difference from the local median colour marking a "
                "stain; 0 disables stain detection"
            )
        },
    )
    flat_threshold: float = field(
        default=0.6,
        metadata={
            "help": gettext_noop(
                "plain losses: mid-tone areas whose grey level varies by less than this "
                "(standard deviation over a few px) are taken for bare plaster or a flat infill; "
                "0 disables it"
            )
        },
    )
    min_flat_fraction: float = field(
        default=0.002,
        metadata={"help": gettext_noop("smallest plain loss kept, as a share of the image")},
    )
    edge_loss_step: float = field(
        default=70.0,
        metadata={
            "help": gettext_noop(
                "edge losses (tears, flaked emulsion at the picture's edge): grey levels "
                "a loss must differ from the picture just outside it, along most of its outline; "
                "0 disables it"
            )
        },
    )
    edge_loss_dark: int = field(
        default=28,
        metadata={
            "help": gettext_noop(
                "edge losses: grey level (0-255) at or below which an area is black"
            )
        },
    )
    edge_loss_bright: int = field(
        default=210,
        metadata={
            "help": gettext_noop(
                "edge losses: grey level (0-255) at or above which an area is bare paper"
            )
        },
    )
    hole_step: float = field(
        default=40.0,
        metadata={
            "help": gettext_noop(
                "holes and paper losses inside the picture (wormholes, tears, abrasion where "
                "the backing or bare paper shows): grey levels a hole must be lighter than its "
                "surroundings; 0 disables it"
            )
        },
    )
    hole_chroma_drop: float = field(
        default=12.0,
        metadata={
            "help": gettext_noop(
                "holes: how much less coloured (Lab chroma) than the toned paper round it a "
                "hole must be; white and grey backings are neutral, the picture's own whites "
                "are toned like the rest"
            )
        },
    )
    hole_max_fraction: float = field(
        default=0.002,
        metadata={
            "help": gettext_noop(
                "holes: larger light areas than this share of the image are taken for the "
                "picture's content"
            )
        },
    )
    max_component_fraction: float = field(
        default=0.05,
        metadata={
            "help": gettext_noop(
                "components larger than this share of the image are taken for "
                "content, not damage, and dropped"
            )
        },
    )
    dilation: int = field(
        default=2, metadata={"help": gettext_noop("margin added around every detection, px")}
    )

    def __post_init__(self) -> None:
        if not 3 <= self.crack_kernel <= 51 or self.crack_kernel % 2 == 0:
            raise ValueError("crack_kernel must be an odd number from 3 to 51")
        if self.loss_window < 9:
            raise ValueError("loss_window must be at least 9")
        if not 0 < self.max_component_fraction <= 1:
            raise ValueError("max_component_fraction must be in (0, 1]")
        if not 0 < self.hole_max_fraction <= 1:
            raise ValueError("hole_max_fraction must be in (0, 1]")
        if not 0 <= self.min_flat_fraction <= 1:
            raise ValueError("min_flat_fraction must be in [0, 1]")
        if not 0 <= self.edge_loss_dark < self.edge_loss_bright <= 255:
            raise ValueError("edge_loss_dark must be below edge_loss_bright, both in 0-255")
        for name in (
            "flat_threshold",
            "edge_loss_step",
            "hole_step",
            "hole_chroma_drop",
            "crack_threshold",
            "crack_contrast",
            "loss_threshold",
            "stain_threshold",
            "min_elongation",
            "min_wander",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.dilation < 0 or self.dilation > 50:
            raise ValueError("dilation must be from 0 to 50")
        if self.min_crack_length < 0 or self.min_loss_area < 0:
            raise ValueError("min_crack_length and min_loss_area must not be negative")

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def help_texts(cls) -> dict[str, str]:
        return {f.name: str(f.metadata.get("help", "")) for f in fields(cls)}
