"""The web app: sign-in, the unit's home and chat, reports, the officers' and admins' pages.

Pages are rendered on the server from templates that hold no logic; every decision about who
may see what is taken by the use-case layer (:mod:`app.services.authz`). ``make run`` starts it on
127.0.0.1:8000 next to Rasa and the action server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as InPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.report import render_html, render_json, render_markdown

from ..bootstrap import Services, services
from ..services.accounts import NewInvitation
from ..services.assessments import OFFICE_SORTS, OFFICE_STATUSES, OfficePage, OfficeQuery
from ..services.authz import Actor
from ..services.errors import Forbidden, Invalid, NotFound, ServiceError, TooManyAttempts
from .context import RequestContext
from .gateway import Gateway
from .security import (
    ANON_COOKIE,
    REPORT_CSP,
    SESSION_COOKIE,
    SESSION_HOURS,
    cookie_args,
    csrf_ok,
    csrf_token,
    session_cookie,
)

HERE = Path(__file__).resolve().parent
UNIT_LABELS = {"point": "示范点（企业）", "station": "示范站（协会、服务机构）", "zone": "示范区（园区）"}
ROLE_LABELS = {"unit": "单位", "officer": "市场监管所", "admin": "区局反不正当竞争科"}
# record ids are 64-bit: a larger number names nothing (and SQLite cannot even bind it: a 500)
ID_MAX = 2**63 - 1
Id = Annotated[int, InPath(ge=-ID_MAX, le=ID_MAX)]


class Redirect(Exception):
    def __init__(self, url: str) -> None:
        self.url = url


def create_app(svc: Services | None = None, gateway: Gateway | None = None) -> FastAPI:
    svc = svc or services()
    gw = gateway or Gateway(svc.rasa_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await gw.close()

    app = FastAPI(title="商秘自评助手", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(UNIT_LABELS=UNIT_LABELS, ROLE_LABELS=ROLE_LABELS)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # who is signed in, the CSRF nonce, body limits, security headers: see .context
    app.add_middleware(RequestContext, signed_in=svc.accounts.signed_in)

    @app.exception_handler(Redirect)
    async def redirect(request: Request, exc: Redirect) -> Response:
        return RedirectResponse(exc.url, status_code=303)

    @app.exception_handler(ServiceError)
    async def refused(request: Request, exc: ServiceError) -> Response:
        code = (
            403
            if isinstance(exc, Forbidden)
            else 404
            if isinstance(exc, NotFound)
            else 429
            if isinstance(exc, TooManyAttempts)
            else 400
        )
        if request.url.path.endswith("/chat") and request.method == "POST":
            return JSONResponse({"ok": False, "error": exc.message}, status_code=code)
        return page(request, "message.html", {"title": "无法完成", "message": exc.message}, code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {404: "找不到这个页面。", 405: "不支持这种请求。"}
        return page(
            request,
            "message.html",
            {"title": "出错了", "message": messages.get(exc.status_code, "请求有误。")},
            exc.status_code,
        )

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return page(request, "message.html", {"title": "出错了", "message": "请求有误。"}, 400)

    def page(request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> Response:
        base = {"request": request, "user": request.state.user, "csrf": csrf_token(request.state.nonce)}
        return templates.TemplateResponse(request, name, {**base, **ctx}, status_code=status)

    async def actor(request: Request) -> Actor:  # async: no thread-pool hop on every request
        if request.state.actor is None:
            raise Redirect("/login")
        a: Actor = request.state.actor
        return a

    async def form(request: Request) -> dict[str, str]:
        """The posted form, after the CSRF check (every form of the app carries the token)."""
        data = await request.form()
        values = {k: v for k, v in data.items() if isinstance(v, str)}
        if not csrf_ok(request.state.nonce, values.get("csrf")):
            raise Forbidden("页面已过期，请刷新后重试。")
        return values

    # ── signing in ───────────────────────────────────────────────────────
    @app.get("/")
    async def home(request: Request) -> Response:
        a = request.state.actor
        if a is None:
            return RedirectResponse("/login", status_code=303)
        target = {"admin": "/admin", "officer": "/office", "unit": f"/units/{a.unit_id}"}[a.role]
        return RedirectResponse(target, status_code=303)

    @app.get("/login")
    async def login_page(request: Request) -> Response:
        return page(request, "login.html", {"title": "登录"})

    @app.post("/login")
    async def login(request: Request) -> Response:
        values = await form(request)
        client = request.client.host if request.client else ""
        try:
            user = svc.accounts.authenticate(values.get("username", "")[:64], values.get("password", "")[:200], client)
        except (Invalid, TooManyAttempts) as exc:
            return page(
                request, "login.html", {"title": "登录", "error": exc.message}, 401 if isinstance(exc, Invalid) else 429
            )
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(
            SESSION_COOKIE, session_cookie(user.id, user.session_version), **cookie_args(SESSION_HOURS * 3600)
        )
        response.delete_cookie(ANON_COOKIE, path="/")
        return response

    @app.post("/logout")
    async def logout(request: Request, who: Actor = Depends(actor)) -> Response:
        await form(request)
        svc.accounts.logout(who.user_id)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    @app.get("/invite/{token}")
    async def invite_page(request: Request, token: str) -> Response:
        user = svc.accounts.invitation_user(token[:100])
        return page(request, "invite.html", {"title": "设置密码", "invited": user, "token": token})

    @app.post("/invite/{token}")
    async def invite(request: Request, token: str) -> Response:
        values = await form(request)
        invited = svc.accounts.invitation_user(token[:100])
        if values.get("password", "") != values.get("password2", ""):
            return page(
                request,
                "invite.html",
                {"title": "设置密码", "invited": invited, "token": token, "error": "两次输入的密码不一致。"},
                400,
            )
        try:
            user = svc.accounts.accept_invitation(token[:100], values.get("password", "")[:200])
        except Invalid as exc:
            return page(
                request,
                "invite.html",
                {"title": "设置密码", "invited": invited, "token": token, "error": exc.message},
                400,
            )
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(
            SESSION_COOKIE, session_cookie(user.id, user.session_version), **cookie_args(SESSION_HOURS * 3600)
        )
        return response

    def invited(request: Request, inv: NewInvitation, back: str) -> Response:
        """The one-time link just made, with its expiry in Beijing time, and where to go back to."""
        ctx = {"title": "邀请链接", "link": invite_link(request, inv), "expires_local": _beijing(inv.expires_at)}
        return page(request, "invited.html", {**ctx, "back": back})

    def invite_link(request: Request, inv: NewInvitation) -> str:
        return str(request.base_url).rstrip("/") + f"/invite/{inv.token}"

    # ── district admin ───────────────────────────────────────────────────
    @app.get("/admin")
    async def admin(request: Request, who: Actor = Depends(actor)) -> Response:
        offices, officers = svc.accounts.overview(who)
        counts = svc.assessments.office_counts(who, [o.id for o in offices])
        return page(
            request,
            "admin.html",
            {"title": "区局", "offices": offices, "officers": officers, "counts": counts},
        )

    @app.post("/admin/offices")
    async def add_office(request: Request, who: Actor = Depends(actor)) -> Response:
        values = await form(request)
        svc.accounts.create_office(who, values.get("name", ""))
        return RedirectResponse("/admin", status_code=303)

    @app.post("/admin/officers")
    async def add_officer(request: Request, who: Actor = Depends(actor)) -> Response:
        values = await form(request)
        inv = svc.accounts.create_officer(
            who, values.get("username", ""), values.get("display_name", ""), _int(values.get("office_id"))
        )
        return invited(request, inv, "/admin")

    # ── officers ─────────────────────────────────────────────────────────
    @app.get("/office")
    async def office(
        request: Request,
        who: Actor = Depends(actor),
        office: Annotated[int | None, Query(ge=-ID_MAX, le=ID_MAX)] = None,
        page_no: Annotated[int, Query(alias="page", ge=1, le=ID_MAX)] = 1,
        sort: Annotated[str, Query(max_length=10)] = "updated",
        status: Annotated[str, Query(max_length=10)] = "",
    ) -> Response:
        office_id = svc.assessments.office_of(who, office)
        if office_id is None and who.role == "admin":
            raise Redirect("/admin")
        listing = svc.assessments.office_page(who, office_id, OfficeQuery(page_no, sort=sort, status=status))
        return page(
            request,
            "office.html",
            {
                "title": "本所单位",
                "office_name": svc.assessments.office_name(office_id),
                "listing": listing,
                "office_id": office_id,
                "links": _office_links(office_id if who.role == "admin" else None, listing),
            },
        )

    @app.post("/office/units")
    async def add_unit(request: Request, who: Actor = Depends(actor)) -> Response:
        values = await form(request)
        _, inv = svc.accounts.create_unit(
            who,
            values.get("name", ""),
            values.get("unit_type", ""),
            values.get("username", ""),
            _int(values.get("office_id")) or None,
        )
        return invited(request, inv, "/office")

    # ── units ────────────────────────────────────────────────────────────
    @app.get("/units/{unit_id}")
    async def unit_page(request: Request, unit_id: Id, who: Actor = Depends(actor)) -> Response:
        unit = svc.assessments.unit(who, unit_id)
        rows = svc.assessments.for_unit(who, unit_id)
        ctx = {
            "title": unit.name,
            "unit": unit,
            "rows": rows,
            "own": who.unit_id == unit.id,
            "fields": svc.assessments.form_fields(unit.unit_type),
        }
        return page(request, "unit.html", ctx)

    @app.post("/units/{unit_id}/form")
    async def unit_form(request: Request, unit_id: Id, who: Actor = Depends(actor)) -> Response:
        values = await form(request)
        problems = svc.assessments.update_form(who, unit_id, values)
        if problems:
            unit = svc.assessments.unit(who, unit_id)
            rows = svc.assessments.for_unit(who, unit_id)
            ctx = {
                "title": unit.name,
                "unit": unit,
                "rows": rows,
                "own": True,
                "fields": svc.assessments.form_fields(unit.unit_type),
                "errors": problems,
            }
            return page(request, "unit.html", ctx, 400)
        return RedirectResponse(f"/units/{unit_id}", status_code=303)

    @app.post("/units/{unit_id}/assessments")
    async def start(request: Request, unit_id: Id, who: Actor = Depends(actor)) -> Response:
        await form(request)
        aid = svc.assessments.start(who, unit_id)
        return RedirectResponse(f"/assessments/{aid}/chat", status_code=303)

    # ── the chat ─────────────────────────────────────────────────────────
    @app.get("/assessments/{aid}/chat")
    async def chat_page(request: Request, aid: Id, who: Actor = Depends(actor)) -> Response:
        row = svc.assessments.get(who, aid)
        svc.assessments.may_write(who, aid)  # the unit's own page: writers only
        return page(request, "chat.html", {"title": "对话自评", "row": row})

    @app.get("/assessments/{aid}/chat/state")
    async def chat_state(request: Request, aid: Id, who: Actor = Depends(actor)) -> Response:
        transcript = svc.assessments.transcript(who, aid)
        prompt = [m.model_dump(exclude_none=True) for m in svc.assessments.resume_prompt(who, aid)]
        return JSONResponse({"ok": True, "transcript": transcript, "prompt": prompt})

    @app.post("/assessments/{aid}/chat")
    async def chat(request: Request, aid: Id, who: Actor = Depends(actor)) -> Response:
        if not csrf_ok(request.state.nonce, request.headers.get("x-csrf-token")):
            return JSONResponse({"ok": False, "error": "页面已过期，请刷新后重试。"}, status_code=403)
        try:
            body = await request.json()
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
            return JSONResponse({"ok": False, "error": "请求有误。"}, status_code=400)
        if not isinstance(body, dict):
            return JSONResponse({"ok": False, "error": "请求有误。"}, status_code=400)
        svc.assessments.may_write(who, aid)  # only the unit's members may write
        turn = await gw.send(aid, who.user_id, body.get("message"), body.get("message_id"))
        return JSONResponse({"ok": turn.ok, "messages": turn.messages, "error": turn.error})

    # ── reports ──────────────────────────────────────────────────────────
    @app.get("/assessments/{aid}/report")
    async def report_page(request: Request, aid: Id, who: Actor = Depends(actor)) -> Response:
        data = svc.assessments.report(who, aid)
        row = svc.assessments.get(who, aid)
        return page(
            request, "report.html", {"title": "差距报告", "data": data, "row": row, "own": who.unit_id == row.unit_id}
        )

    @app.get("/assessments/{aid}/report.{fmt}")
    async def report_file(request: Request, aid: Id, fmt: str, who: Actor = Depends(actor)) -> Response:
        if fmt not in ("html", "md", "json"):
            raise NotFound()
        data = svc.assessments.report(who, aid)
        name = f"report-{aid}.{fmt}"
        if fmt == "html":
            html = render_html(data, generated=date.today().isoformat())
            return HTMLResponse(html, headers={"Content-Security-Policy": REPORT_CSP})
        if fmt == "md":
            return PlainTextResponse(
                render_markdown(data), media_type="text/markdown; charset=utf-8", headers=_attachment(name)
            )
        return Response(render_json(data), media_type="application/json", headers=_attachment(name))

    @app.get("/assessments/{aid}/answers.yml")
    async def answers_file(request: Request, aid: Id, who: Actor = Depends(actor)) -> Response:
        text = svc.assessments.answers_file(who, aid)
        return PlainTextResponse(
            text, media_type="application/x-yaml; charset=utf-8", headers=_attachment(f"answers-{aid}.yml")
        )

    @app.post("/assessments/{aid}/submit")
    async def submit(request: Request, aid: Id, who: Actor = Depends(actor)) -> Response:
        await form(request)
        svc.assessments.submit(who, aid)
        return RedirectResponse(f"/assessments/{aid}/report", status_code=303)

    @app.get("/healthz")
    async def healthz() -> Response:
        return PlainTextResponse("ok")

    return app


def _beijing(at: datetime) -> str:
    return at.astimezone(timezone(timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")


def _int(value: str | None) -> int:
    try:
        n = int(value or "")
    except ValueError:
        return 0
    return n if abs(n) <= ID_MAX else 0


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def app() -> FastAPI:
    """The app for ``uvicorn --factory app.web.main:app``."""
    return create_app()


def _office_links(office_id: int | None, listing: OfficePage) -> dict[str, Any]:
    """The URLs of the office list's filters, orders and pages (built here: templates hold no logic)."""
    q = listing.query

    def url(page: int = 1, sort: str | None = None, status: str | None = None) -> str:
        params: dict[str, str | int] = {}
        if office_id is not None:
            params["office"] = office_id
        if status if status is not None else q.status:
            params["status"] = status if status is not None else q.status
        if (sort or q.sort) != "updated":
            params["sort"] = sort or q.sort
        if page > 1:
            params["page"] = page
        return "/office" + ("?" + urlencode(params) if params else "")

    return {
        "status": {s: url(status=s) for s in OFFICE_STATUSES},
        "sort": {s: url(sort=s) for s in OFFICE_SORTS},
        "prev": url(listing.page - 1) if listing.page > 1 else "",
        "next": url(listing.page + 1) if listing.page < listing.pages else "",
        "first": url(1) if listing.page > 1 else "",
        "last": url(listing.pages) if listing.page < listing.pages else "",
    }
