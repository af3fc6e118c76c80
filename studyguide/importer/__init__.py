"""Import a folder of notes (Obsidian, Dendron, plain Markdown, .txt) as pages of the site.

Entry point: :func:`run_import` (the ``studyguide import`` command wraps it). See
the README ("Importing notes") for what is converted and why.
"""
from .pipeline import ImportAbort, run_import
from .report import Diagnostic, Report

__all__ = ["Diagnostic", "ImportAbort", "Report", "run_import"]
