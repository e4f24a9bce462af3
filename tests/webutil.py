"""Helpers for the web tests: the app over a temporary database, a stand-in for Rasa that takes
the turn through the real use-case layer (as the action server would), and signing in."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from app.bootstrap import Services, build
from app.services.assessments import Stamp
from app.web.gateway import Gateway
from app.web.main import create_app
from bot.session import UserEvent

PASSWORD = "correct-horse-42"
_PAYLOAD = re.compile(r"^/([a-z_]+)(\{.*\})?$")


@dataclass
class FakeRasa:
    """Rasa's REST channel and the action server, collapsed: intent from a button payload, the
    turn through ``Assessments.take_turn`` with the gateway's stamp. ``down`` simulates an outage."""

    services: Services
    down: bool = False
    empty: bool = False
    receipt: str | None = None  # a receipt to send instead of the real one ("" = none)
    calls: list[dict[str, Any]] = field(default_factory=list)

    async def post(self, url: str, body: dict[str, Any]) -> Any:
        """The gateway's ``Channel``: what Rasa's REST channel would answer (None: not reached)."""
        if self.down:
            return None
        body = json.loads(json.dumps(body))  # as it crosses the wire
        self.calls.append(body)
        if self.empty:
            return []
        text = body["message"]
        m = _PAYLOAD.match(text)
        if m:
            ev = UserEvent("answer", "", m.group(1), json.loads(m.group(2)) if m.group(2) else {})
            commands = {"explain": "explain", "skip": "skip", "report": "report", "start_over": "restart"}
            if m.group(1) in commands:
                ev = UserEvent(commands[m.group(1)], "", m.group(1))  # type: ignore[arg-type]
        else:
            ev = UserEvent("answer", text)
        stamp = Stamp.from_metadata(body.get("metadata"))
        turn = self.services.assessments.turn(body["sender"], ev, stamp)
        out = [{"recipient_id": body["sender"], **m.model_dump(exclude_none=True)} for m in turn.messages]
        receipt = turn.receipt if self.receipt is None else self.receipt
        if receipt:  # as actions.base sends it
            out.append({"recipient_id": body["sender"], "custom": {"receipt": receipt}})
        return out

    async def close(self) -> None:
        pass


@dataclass
class Web:
    services: Services
    rasa: FakeRasa
    make_client: Callable[[], TestClient]

    def client(self) -> TestClient:
        return self.make_client()


def make_web(tmp_path: Path) -> Web:
    services = build(f"sqlite:///{tmp_path / 'web.db'}")
    rasa = FakeRasa(services)
    gateway = Gateway("http://rasa.test", rasa)
    app = create_app(services, gateway)
    return Web(services, rasa, lambda: TestClient(app, base_url="http://127.0.0.1:8000", follow_redirects=False))


def csrf(client: TestClient, path: str = "/login") -> str:
    html = client.get(path, follow_redirects=True).text
    m = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert m, f"no CSRF token on {path}"
    return m.group(1)


def login(client: TestClient, username: str, password: str = PASSWORD) -> None:
    r = client.post("/login", data={"username": username, "password": password, "csrf": csrf(client)})
    assert r.status_code == 303, r.text[:300]


def accept(client: TestClient, link: str, password: str = PASSWORD) -> None:
    path = "/" + link.split("/", 3)[3]
    token = csrf(client, path)
    r = client.post(path, data={"password": password, "password2": password, "csrf": token})
    assert r.status_code == 303, r.text[:300]


def invite_link(html: str) -> str:
    m = re.search(r'<code id="invite-link">([^<]+)</code>', html)
    assert m, html[:500]
    return m.group(1)


def chat(
    client: TestClient, assessment_id: int, message: str, page: str | None = None, message_id: str | None = None
) -> Any:
    token = csrf(client, page or f"/assessments/{assessment_id}/chat")
    body: dict[str, Any] = {"message": message}
    if message_id:
        body["message_id"] = message_id
    return client.post(f"/assessments/{assessment_id}/chat", json=body, headers={"X-CSRF-Token": token})


def two_offices(web: Web) -> dict[str, Any]:
    """An admin, two offices with an officer each, a unit in each office with an accepted member
    and one assessment, all made through the pages (keys: admin, officerN, unitN, unitN_id, aN, officeN)."""
    web.services.accounts.create_admin("admin", PASSWORD)
    admin = web.client()
    login(admin, "admin")
    ids: dict[str, Any] = {"admin": admin}
    for n, office in ((1, "车墩市场监管所"), (2, "泗泾市场监管所")):
        r = admin.post("/admin/offices", data={"name": office, "csrf": csrf(admin, "/admin")})
        assert r.status_code == 303
        office_id = max(o.id for o in web.services.accounts.offices())
        r = admin.post(
            "/admin/officers",
            data={
                "username": f"officer{n}",
                "display_name": f"王{n}",
                "office_id": str(office_id),
                "csrf": csrf(admin, "/admin"),
            },
        )
        assert r.status_code == 200
        officer = web.client()
        accept(officer, invite_link(r.text))
        r = officer.post(
            "/office/units",
            data={
                "name": f"星辰芯片{n}号公司",
                "unit_type": "point",
                "username": f"unit{n}",
                "csrf": csrf(officer, "/office"),
            },
        )
        assert r.status_code == 200, r.text[:300]
        unit = web.client()
        accept(unit, invite_link(r.text))
        home = unit.get("/", follow_redirects=False)
        unit_id = int(home.headers["location"].rsplit("/", 1)[1])
        r = unit.post(f"/units/{unit_id}/assessments", data={"csrf": csrf(unit, f"/units/{unit_id}")})
        assert r.status_code == 303
        aid = int(r.headers["location"].split("/")[2])
        ids.update(
            {f"officer{n}": officer, f"unit{n}": unit, f"unit{n}_id": unit_id, f"a{n}": aid, f"office{n}": office_id}
        )
    return ids
