"""Accounts in the app: sign-in with a CSRF token and a rate limit, cookie flags, roles,
anonymous read-only access, personal API tokens, user management."""

from __future__ import annotations

import re

from web.webhelpers import USERS, csrf_of, export_of, login, make_client


def test_anonymous_visitors_get_the_login_page(client):
    response = client.get("/")
    assert response.status_code == 303 and response.headers["location"] == "/login?next=%2F"
    target = client.get("/documents/doc_x?y=1").headers["location"]
    assert target == "/login?next=%2Fdocuments%2Fdoc_x%3Fy%3D1"
    page = client.get("/login")
    assert page.status_code == 200 and 'name="password"' in page.text
    assert 'href="/review"' not in page.text


def test_sign_in_sets_a_safe_cookie(web_db):
    client = make_client(web_db)
    response = login(client, "editor")
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("pw_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    assert client.get("/").status_code == 200
    secure = make_client(web_db, base_url="https://testserver")
    cookie = login(secure, "editor").headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_sign_in_without_the_csrf_token_is_refused(client):
    client.get("/login")
    response = client.post("/login", data={"username": "editor", "password": USERS["editor"][0]})
    assert response.status_code == 403
    response = client.post(
        "/login",
        data={"username": "editor", "password": USERS["editor"][0], "csrf_token": "forged"},
    )
    assert response.status_code == 403


def test_wrong_passwords_are_rate_limited(web_db):
    client = make_client(web_db)
    for _ in range(5):
        response = login(client, "editor", "wrong-password")
        assert response.status_code == 401 and "Wrong user name or password." in response.text
    blocked = login(client, "editor")  # even the right password, until the window moves
    assert blocked.status_code == 429 and "Too many failed attempts" in blocked.text
    assert int(blocked.headers["retry-after"]) > 0
    assert login(client, "viewer").status_code == 303  # another user name is not blocked
    assert login(make_client(web_db), "nobody", "whatever-1").status_code == 401


def test_redirect_after_sign_in_stays_on_this_site(client):
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": "viewer",
            "password": USERS["viewer"][0],
            "next": "//evil.example/x",
            "csrf_token": csrf_of(page.text),
        },
    )
    assert response.headers["location"] == "/"


def test_sign_out_ends_the_session(editor):
    token = csrf_of(editor.get("/").text)
    cookie = editor.cookies.get("pw_session")
    assert editor.post("/logout", data={"csrf_token": token}).status_code == 303
    editor.cookies.set("pw_session", cookie)  # a stolen copy of the cookie is dead too
    assert editor.get("/").status_code == 303


def test_viewer_reads_but_cannot_review_upload_or_manage(viewer, web_db):
    fact = export_of(web_db)["facts"][0]
    assert viewer.get("/").status_code == 200
    queue = viewer.get("/review").text
    assert 'name="decision"' not in queue and 'name="fact"' not in queue
    one = viewer.get(f"/review/{fact['id']}").text
    assert 'name="decision"' not in one
    token = csrf_of(queue)
    refused = viewer.post(f"/review/{fact['id']}", data={"decision": "accept", "csrf_token": token})
    assert refused.status_code == 403
    assert (
        viewer.post(
            "/review/bulk", data={"decision": "accept", "fact": fact["id"], "csrf_token": token}
        ).status_code
        == 403
    )
    assert viewer.get("/upload").status_code == 403
    assert viewer.get("/admin/users").status_code == 403
    assert 'href="/upload"' not in queue
    assert export_of(web_db)["facts"][0]["status"] == "suggested"


def test_editor_cannot_manage_users(editor):
    assert editor.get("/admin/users").status_code == 403


def test_anonymous_read_only_instance(web_db):
    client = make_client(web_db, anonymous_read=True)
    fact = export_of(web_db)["facts"][0]
    assert client.get("/").status_code == 200
    assert client.get("/api/v1/documents").status_code == 200
    page = client.get(f"/review/{fact['id']}").text
    assert 'name="decision"' not in page and "Sign in" in page
    token = csrf_of(client.get("/login").text)
    response = client.post(
        f"/review/{fact['id']}", data={"decision": "accept", "csrf_token": token}
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    api = client.post(f"/api/v1/facts/{fact['id']}/review", json={"decision": "accept"})
    assert api.status_code in (401, 403)
    assert export_of(web_db)["facts"][0]["status"] == "suggested"


def test_account_page_tokens_and_password(editor):
    page = editor.get("/account")
    assert "Personal API tokens" in page.text
    created = editor.post(
        "/account/tokens", data={"label": "laptop", "csrf_token": csrf_of(page.text)}
    )
    token = re.search(r'id="new-token">([^<]+)<', created.text).group(1)
    me = editor.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["name"] == "editor"
    token_id = re.search(r"/account/tokens/(\d+)/revoke", created.text).group(1)
    editor.post(f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf_of(created.text)})
    fresh = editor.get("/account").text
    assert "laptop" not in fresh
    assert editor.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    wrong = editor.post(
        "/account/password",
        data={"current": "nope", "new": "new-password-22", "csrf_token": csrf_of(fresh)},
    )
    assert wrong.status_code == 400
    changed = editor.post(
        "/account/password",
        data={
            "current": USERS["editor"][0],
            "new": "new-password-22",
            "csrf_token": csrf_of(fresh),
        },
    )
    assert changed.status_code == 200 and "Password changed" in changed.text
    assert editor.get("/account").status_code == 200  # this browser stays signed in


def test_admin_adds_and_manages_users(admin, web_db):
    page = admin.get("/admin/users")
    token = csrf_of(page.text)
    added = admin.post(
        "/admin/users",
        data={
            "name": "maria",
            "role": "editor",
            "password": "maria-password-1",
            "csrf_token": token,
        },
    )
    assert added.status_code == 200 and "User maria added." in added.text
    maria = make_client(web_db)
    assert login(maria, "maria", "maria-password-1").status_code == 303
    assert maria.get("/upload").status_code == 200
    ids = dict(
        re.findall(
            r'<td>(\w+)</td>\s*<td colspan="2">\s*<form method="post" '
            r'action="/admin/users/(\d+)"',
            added.text,
        )
    )
    admin.post(
        f"/admin/users/{ids['maria']}",
        data={"role": "viewer", "action": "save", "csrf_token": token},
    )
    assert maria.get("/").status_code == 303  # deactivated (no "active" box): signed out
    assert login(make_client(web_db), "maria", "maria-password-1").status_code == 401
    reset = admin.post(
        f"/admin/users/{ids['editor']}", data={"action": "reset_password", "csrf_token": token}
    )
    new_password = re.search(r'id="new-password">([^<]+)<', reset.text).group(1)
    assert login(make_client(web_db), "editor", new_password).status_code == 303
    last_admin = admin.post(
        f"/admin/users/{ids['admin']}",
        data={"role": "viewer", "active": "on", "action": "save", "csrf_token": token},
    )
    assert last_admin.status_code == 400 and "at least one active admin" in last_admin.text
    bad = admin.post(
        "/admin/users", data={"name": "x y", "role": "editor", "password": "", "csrf_token": token}
    )
    assert bad.status_code == 400
