"""Shared helpers for the wiki-link tests: a small index built from inline notes."""
from __future__ import annotations




NOTES = {
    "index.md": "# Home\n\nWelcome.\n",
    "topics/metrics.md": (
        "---\ntitle: Offline Metrics\naliases: [Eval metrics, KPIs]\n---\n"
        "# Offline Metrics\n\nMetrics matter. ^intro\n\n## NDCG\n\nGraded relevance.\n\n"
        "### Ideal DCG\n\nThe best order.\n\n## Precision\n\n- first item\n- second item ^item\n\n"
        "## NDCG\n\nDuplicate heading.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n^table-id\n"),
    "topics/My Note.md": "# My Note\n\n## Open Questions\n\nWhy?\n",
    "archive/My Note.md": "# Old Note\n",
    "archive/deep/My Note.md": "# Deeper Note\n",
    "framework/overview.md": "# Overview\n\nSee [[metrics]].\n",
    "ml.ranking.metrics.md": "# Ranking metrics\n\n## Precision at K\n\nTop k.\n",
    "ml/ranking.md": "# Ranking\n",
    "Case.md": "# Upper case file\n",
}
ATTACHMENTS = ["img/diagram.png", "files/paper.pdf"]


