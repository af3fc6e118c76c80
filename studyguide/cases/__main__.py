"""``python -m studyguide.cases docs/case-studies/*.md``: check case studies' front matter."""
import sys

from .load import main

sys.exit(main())
