"""Descriptions: verbal descriptions of every object (machine drafts curators approve), spoken."""
