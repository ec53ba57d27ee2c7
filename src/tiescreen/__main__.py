"""``python -m tiescreen``."""

from tiescreen.cli import main

main()
