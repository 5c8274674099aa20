"""full-text search index

SQLite: FTS5 over the lemma/match-key terms (unicode61) and a trigram FTS5 over the raw
text for partial names, kept in sync by triggers. PostgreSQL: a GIN index on the terms'
'simple' tsvector and a pg_trgm index on the text.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "document_id UNINDEXED, terms, tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE VIRTUAL TABLE text_trigram USING fts5("
            "document_id UNINDEXED, text, tokenize='trigram')"
        )
        op.execute(
            "CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN "
            "INSERT INTO search_fts(document_id, terms) VALUES (new.document_id, new.terms); END"
        )
        op.execute(
            "CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN "
            "DELETE FROM search_fts WHERE document_id = old.document_id; END"
        )
        op.execute(
            "CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN "
            "INSERT INTO text_trigram(document_id, text) VALUES (new.id, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN "
            "DELETE FROM text_trigram WHERE document_id = old.id; END"
        )
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_search_text_terms ON search_text "
            "USING gin (to_tsvector('simple', terms))"
        )
        op.execute("CREATE INDEX ix_documents_text_trgm ON documents USING gin (text gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_text_ai", "search_text_ad", "documents_ai", "documents_ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
        op.execute("DROP TABLE IF EXISTS text_trigram")
    else:
        op.execute("DROP INDEX IF EXISTS ix_documents_text_trgm")
        op.execute("DROP INDEX IF EXISTS ix_search_text_terms")
