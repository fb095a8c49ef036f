"""Quadric decimation that keeps a mesh's texture coordinates and vertex colours.

trimesh's own ``simplify_quadric_decimation`` returns bare geometry, so a textured scan
would lose its texture on the web. fast-simplification can replay its collapses and say
which new vertex each old one became; each new vertex takes the texture coordinate and
colour of the first old vertex that became it, close enough for a preview of a mesh
whose full-resolution original stays downloadable.
"""

from typing import Any

import numpy as np


def mesh_decimate(mesh: Any, *, target_faces: int) -> Any:
    """A copy of ``mesh`` with about ``target_faces`` triangles, its visuals carried over."""
    import fast_simplification
    import trimesh

    if len(mesh.faces) <= target_faces:
        return mesh
    _, _, collapses = fast_simplification.simplify(
        mesh.vertices, mesh.faces, target_count=max(target_faces, 4), return_collapses=True
    )
    vertices, faces, mapping = fast_simplification.replay_simplification(
        mesh.vertices, mesh.faces, collapses
    )
    # For each new vertex, the first old vertex that collapsed into it.
    new_ids, first_old = np.unique(mapping, return_index=True)
    keep = np.zeros(len(vertices), dtype=np.int64)
    keep[new_ids] = first_old
    visual = _carried_visual(mesh.visual, keep)
    return trimesh.Trimesh(vertices=vertices, faces=faces, visual=visual, process=False)


def _carried_visual(visual: Any, keep: Any) -> Any:
    import trimesh

    visuals: Any = trimesh.visual  # its constructors are untyped

    uv = getattr(visual, "uv", None)
    if getattr(visual, "kind", None) == "texture" and uv is not None and len(uv):
        return visuals.TextureVisuals(uv=np.asarray(uv)[keep], material=visual.material)
    if getattr(visual, "kind", None) == "vertex":
        return visuals.ColorVisuals(vertex_colors=np.asarray(visual.vertex_colors)[keep])
    if getattr(visual, "kind", None) == "texture":
        return visuals.TextureVisuals(material=visual.material)
    return None
