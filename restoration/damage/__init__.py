"""Propose a damage mask with classical image processing; the curator checks and corrects it.

One module per detector, each a few OpenCV calls; ``detect_damage`` combines their finds and
widens them by a margin:

- ``cracks``: thin dark (and bright) lines, long and elongated (on by default);
- ``plain_losses``: large mid-tone areas with no texture at all, such as the flat plaster of the
  doorway cut through The Last Supper (on by default);
- ``edge_losses``: tears and flaked-off emulsion at a photograph's edge (on by default);
- ``holes``: wormholes, tears and abrasion inside the picture where a neutral white or grey
  backing (or bare paper) shows through toned paper (on by default; not on grey photographs);
- ``local_contrast``: areas much lighter or darker, or of another colour, than the local median
  (losses and stains; off by default: they took white clothing and dark doorways for losses).

Plain losses, edge losses and holes work on a copy reduced to ``WORKING_SIDE`` px, so a 6,000 px
scan costs little more than a 1,000 px one. They are measured against hand-marked losses, and
against images with no marked damage for false alarms, by ``python manage.py evaluate_damage``
(see ``bench/restoration/eval_masks/README.md``).

The straightness filter of cracks (``min_wander``) is off by default: it removes built edges on
photographs of architecture, but on the demo frescoes it also removed short, straight runs of
real cracks.
"""

from restoration.damage.detector import detect_damage
from restoration.damage.parameters import DamageParameters

__all__ = ["DamageParameters", "detect_damage"]
