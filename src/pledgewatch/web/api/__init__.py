"""The JSON API under /api/v1, one module per resource."""

from fastapi import APIRouter

from pledgewatch.web.api import documents, entities, facts, merges, reviews, search, stats, users
from pledgewatch.web.schemas import ErrorOut

router = APIRouter(
    responses={
        401: {"model": ErrorOut, "description": "Not signed in, or no valid API token"},
        403: {"model": ErrorOut, "description": "The role does not allow it, or no CSRF token"},
    }
)
for module in (documents, entities, facts, merges, reviews, search, stats, users):
    router.include_router(module.router)
