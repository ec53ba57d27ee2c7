"""Defaults of the matcher that the CLI shows without importing the matcher."""

# The lowest score reported as a match. Chosen on the project's own generated Russian set,
# never tuned on the public benchmarks (see bench/names.py).
DEFAULT_THRESHOLD = 0.7
