"""entity blocks for the resolver (merges themselves are computed from judgements)

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_blocks",
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("block", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entity_id", "block"),
    )
    with op.batch_alter_table("entity_blocks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_blocks_block"), ["block"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("entity_blocks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_blocks_block"))
    op.drop_table("entity_blocks")
