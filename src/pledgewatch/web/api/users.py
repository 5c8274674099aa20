"""/api/v1/me: who the request acts as."""

from __future__ import annotations

from fastapi import APIRouter

from pledgewatch.web.deps import AnyPrincipal, LoginRequired
from pledgewatch.web.schemas import UserOut

router = APIRouter(tags=["account"])


@router.get("/me", summary="The signed-in user or token owner", response_model=UserOut)
def me(principal: AnyPrincipal) -> UserOut:
    if principal.user is None:
        raise LoginRequired()
    user = principal.user
    return UserOut(name=user.name, role=user.role, active=user.active, created_at=user.created_at)
