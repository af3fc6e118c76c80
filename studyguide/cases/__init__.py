"""Case studies as data: the front matter schema (``schema``), its error messages (``errors``),
loading and the command line (``load``, ``python -m studyguide.cases``), and what is generated
from it: funnel and GenAI pipeline diagrams (``funnel``, ``genai_budget``), platform component
diagrams (``components``), checklists (``checklist``), the comparison matrix (``matrix``), the
booklet and the cheat sheet (``pages``)."""
from .errors import CaseSchemaError, format_errors
from .load import (display_path, is_case_study, load_case, load_case_file, load_cases, main, nav_order,
                   split_front_matter)
from .schema import CaseStudy

__all__ = [
    "CaseSchemaError", "CaseStudy", "display_path", "format_errors", "is_case_study", "load_case",
    "load_case_file", "load_cases", "main", "nav_order", "split_front_matter",
]
