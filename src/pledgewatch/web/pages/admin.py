"""User management for admins: add users, change roles, deactivate, reset passwords."""

from fastapi import APIRouter, Request
from sqlalchemy import select

from pledgewatch import auth
from pledgewatch.store.models import User
from pledgewatch.web.api.common import not_found
from pledgewatch.web.deps import Admin, DbSession, PostedForm
from pledgewatch.web.render import render

router = APIRouter()


def _page(request: Request, db, status_code: int = 200, **extra):
    users = db.scalars(select(User).order_by(User.name)).all()
    context = {
        "users": users,
        "roles": auth.ROLES,
        "message": None,
        "error": None,
        "password": None,
        **extra,
    }
    return render(request, "admin_users.html", context, status_code)


@router.get("/admin/users")
def users(request: Request, db: DbSession, _: Admin):
    return _page(request, db)


@router.post("/admin/users")
def add_user(request: Request, db: DbSession, _: Admin, form: PostedForm):
    name = str(form.get("name") or "").strip()
    password = str(form.get("password") or "") or auth.random_password()
    try:
        auth.create_user(db, name=name, password=password, role=str(form.get("role") or ""))
    except auth.AccountError as exc:
        return _page(request, db, 400, error=str(exc))
    db.commit()
    shown = None if form.get("password") else (name, password)
    return _page(request, db, message=("user_added", {"name": name}), password=shown)


@router.post("/admin/users/{user_id}")
def update_user(user_id: int, request: Request, db: DbSession, _: Admin, form: PostedForm):
    user = db.get(User, user_id)
    if user is None:
        raise not_found("user", str(user_id))
    try:
        if form.get("action") == "reset_password":
            password = auth.random_password()
            auth.set_password(db, user, password)
            db.commit()
            return _page(request, db, password=(user.name, password))
        auth.set_role(db, user, str(form.get("role") or user.role))
        auth.set_active(db, user, form.get("active") == "on")
    except auth.AccountError as exc:
        db.rollback()
        return _page(request, db, 400, error=str(exc))
    db.commit()
    return _page(request, db)
