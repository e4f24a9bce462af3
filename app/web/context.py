"""The request context, as a pure ASGI middleware: who is signed in, the CSRF nonce, the body
limits, the security headers, and a plain 500 instead of a traceback.

Pure ASGI rather than ``@app.middleware("http")``: Starlette's BaseHTTPMiddleware runs every
request through a task group and memory streams, a millisecond of the gateway's 10 ms budget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..services.accounts import SignedIn
from .security import ANON_COOKIE, CSP, REPORT_CSP, anon_nonce, cookie_args, read_session

logger = logging.getLogger(__name__)
MAX_FORM = 20_000  # bytes of a form post


class RequestContext:
    """Sets ``request.state.user``, ``.actor`` and ``.nonce`` for the routes; adds the headers."""

    def __init__(self, app: ASGIApp, signed_in: Callable[[int, int], SignedIn | None]) -> None:
        self.app = app
        self.signed_in = signed_in

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        state = scope.setdefault("state", {})
        state["user"], state["actor"] = None, None
        data = read_session(request)
        if data is not None:
            user = self.signed_in(data.user_id, data.version)
            if user is not None:
                state["user"], state["actor"], state["nonce"] = user, user.actor, data.nonce
        set_anon: str | None = None
        if state["user"] is None:
            state["nonce"], set_anon = anon_nonce(request)
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                if set_anon:
                    cookie = Response()
                    cookie.set_cookie(ANON_COOKIE, set_anon, **cookie_args(24 * 3600))
                    headers.append("set-cookie", cookie.headers["set-cookie"])
                csp = headers.setdefault("Content-Security-Policy", CSP)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "SAMEORIGIN" if csp == REPORT_CSP else "DENY"
                headers["Cache-Control"] = "no-store"
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
            await send(message)

        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_FORM:
            await JSONResponse({"ok": False, "error": "内容太长了。"}, status_code=413)(
                scope, receive, send_with_headers
            )
            return
        if "transfer-encoding" in request.headers:  # a body of no stated length would escape MAX_FORM
            await JSONResponse({"ok": False, "error": "请求有误。"}, status_code=411)(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # never a traceback, never the request's content in the log
            logger.error("request %s failed: %s", request.url.path.split("/")[1:2], type(exc).__name__)
            if not started:
                await PlainTextResponse("出错了，请稍后再试。", status_code=500)(scope, receive, send_with_headers)
