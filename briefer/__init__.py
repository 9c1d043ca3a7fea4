"""Briefer: an offline workbench for analysts' sources, excerpts and briefs."""

__version__ = "0.1.0"
