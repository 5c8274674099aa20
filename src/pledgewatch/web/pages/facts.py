"""One fact: its evidence, status and every review decision on it."""

from fastapi import APIRouter, Request

from pledgewatch.web import queries
from pledgewatch.web.api.common import not_found
from pledgewatch.web.deps import DbSession, Reader
from pledgewatch.web.render import render

router = APIRouter()


@router.get("/facts/{fact_id}")
def fact_page(fact_id: str, request: Request, db: DbSession, _: Reader):
    fact = queries.get_fact(db, fact_id)
    if fact is None:
        raise not_found("fact", fact_id)
    return render(request, "fact.html", {"fact": fact})
