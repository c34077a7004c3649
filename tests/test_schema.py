"""The column dictionary is the one source: Parquet schemas, the Mention record and the README follow it."""
import dataclasses
from pathlib import Path

from etl.schema import MENTION_COLUMNS, TABLES, Mention, arrow_schema, markdown_table

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_column_tables_match_the_dictionary():
    for name in TABLES:
        block = README.split(f"<!-- columns:{name} -->\n")[1].split(f"\n<!-- /columns:{name} -->")[0]
        assert block == markdown_table(name), f"README table for {name} is stale: run `python -m etl.schema`"


def test_every_column_has_a_description_in_the_parquet_schema():
    for name in TABLES:
        for f in arrow_schema(name):
            assert f.metadata[b"description"], (name, f.name)


def test_mention_record_has_the_mention_columns():
    assert [f.name for f in dataclasses.fields(Mention)] == [c.name for c in MENTION_COLUMNS]
