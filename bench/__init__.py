"""Benchmarks: speed targets are measured here and written to docs/PERFORMANCE.md,
never asserted by timed tests."""
