"""The one wording of the pixel limit, shared by every door an image comes in by."""


def too_many_pixels_message(width: int | None, height: int | None, limit: int) -> str:
    """Say what was found (when Pillow could tell) and name the limit and its setting."""
    if width is None or height is None:
        found = "too many pixels"
    else:
        found = f"{width}×{height} = {width * height:,} pixels"
    return f"image has {found}, over the limit of {limit:,} (VITRINE_MAX_IMAGE_PIXELS)"
