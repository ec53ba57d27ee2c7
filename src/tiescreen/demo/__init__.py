"""The demo: a fictional registry of officials and a fictional staged event, generated here."""

from tiescreen.demo.generate import DemoFiles, write_demo

__all__ = ["DemoFiles", "write_demo"]
