"""Parameters shared by the API's list routes."""

from typing import Annotated

from fastapi import HTTPException, Query

Limit = Annotated[int, Query(ge=1, le=200, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
NOT_FOUND = {404: {"description": "No such record"}}


def not_found(what: str, id_: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} with id {id_!r}")
