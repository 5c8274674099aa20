"""/api/v1/stats: what the home page shows."""

from __future__ import annotations

from fastapi import APIRouter, Request

from pledgewatch.web import queries
from pledgewatch.web.deps import DbSession, Reader
from pledgewatch.web.schemas import StatsOut

router = APIRouter(tags=["stats"])


def cached_stats(request: Request, db) -> StatsOut:
    return request.app.state.stats_cache.get(lambda: queries.stats(db))


@router.get(
    "/stats",
    summary="Counts per country and the latest documents",
    response_model=StatsOut,
    description="Per country: people held now, open demands, documents this month "
    "(cached for up to 30 s).",
)
def stats(request: Request, db: DbSession, _: Reader) -> StatsOut:
    return cached_stats(request, db)
