"""The HTML pages. Every form posts with a CSRF token (checked here for the whole router),
and every page renders the same query-layer objects the JSON API returns."""

from fastapi import APIRouter, Depends

from pledgewatch.web.deps import page_csrf
from pledgewatch.web.pages import (
    account,
    admin,
    documents,
    entities,
    facts,
    home,
    merges,
    review,
    search,
    upload,
)

router = APIRouter(include_in_schema=False, dependencies=[Depends(page_csrf)])
# merges before review: /review/merges must not be taken for the fact "merges"
for module in (home, documents, entities, facts, search, merges, review, upload, account, admin):
    router.include_router(module.router)
