"""Training of the learned inpainting engine (torch is imported inside functions)."""
