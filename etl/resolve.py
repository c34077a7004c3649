"""Mentions across articles -> incidents. For now one incident per mention (merging comes next)."""
from __future__ import annotations

from etl.schema import INCIDENT_COLUMNS

_CARRIED = [c.name for c in INCIDENT_COLUMNS if c.name not in
            ("incident_id", "mention_ids", "article_ids", "sources", "n_sources", "first_reported", "is_disputed")]


def incidents(mentions: list[dict]) -> list[dict]:
    rows = []
    for m in mentions:
        row = {k: m.get(k) for k in _CARRIED}
        row.update(
            incident_id=f"inc:{m['mention_id']}",
            mention_ids=[m["mention_id"]],
            article_ids=[m["article_id"]],
            sources=[m["source"]],
            n_sources=1,
            first_reported=m.get("publication_date"),
            is_disputed=False,
        )
        rows.append(row)
    return rows
