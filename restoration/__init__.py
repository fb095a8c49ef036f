"""Virtual restoration: damage masks, inpainting engines, uncertainty, provenance.

Heavy imports (OpenCV, scikit-image, torch) happen inside the engines, never at import.
"""
