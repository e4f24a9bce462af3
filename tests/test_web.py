"""The web app, route by route and role by role, refusals included (issue 7).

Rasa and the action server are replaced by ``FakeRasa``, which takes each turn through the real
use-case layer with the gateway's signed stamp; the real servers are driven by the browser and
end-to-end tests.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from webutil import PASSWORD, Web, accept, chat, csrf, invite_link, make_web, two_offices

from app.db.models import AnswerHistory, AuditLog, Invitation, now
from app.services.assessments import Stamp, sender_for


@pytest.fixture
def web(tmp_path: Path) -> Web:
    return make_web(tmp_path)


@pytest.fixture
def world(web: Web) -> dict[str, Any]:
    """An admin, two offices with an officer each, a unit in each office with an accepted member."""
    return two_offices(web)


def test_a_whole_walk_through_the_web(web: Web, world: dict[str, Any]) -> None:
    unit, aid = world["unit1"], world["a1"]
    page = unit.get(f"/assessments/{aid}/chat")
    assert page.status_code == 200 and "对话自评" in page.text
    state = unit.get(f"/assessments/{aid}/chat/state").json()
    assert state["prompt"][-1]["custom"]["criterion"] == "point.1"  # the 申报表 is on the unit's page
    r = chat(unit, aid, "有，总经理任组长")
    assert r.json()["ok"] and r.json()["messages"][-1]["custom"]["criterion"] == "point.2"
    r = chat(unit, aid, "/partial")
    assert r.json()["ok"]
    r = chat(unit, aid, "不对，应该是没有")
    assert "已把第 2 项" in r.json()["messages"][0]["text"]
    # reload: the transcript and the current question again
    state = unit.get(f"/assessments/{aid}/chat/state").json()
    assert [m["role"] for m in state["transcript"]][:2] == ["unit", "bot"]
    assert state["prompt"][-1]["custom"]["criterion"] == "point.3"
    report = unit.get(f"/assessments/{aid}/report")
    assert report.status_code == 200 and "差距报告" in report.text
    for fmt, kind in (("md", "markdown"), ("json", "json"), ("html", "html")):
        r = unit.get(f"/assessments/{aid}/report.{fmt}")
        assert r.status_code == 200 and kind in r.headers["content-type"]
    assert unit.get(f"/assessments/{aid}/report.json").json()["base"] == 3
    assert "point.2: false" in unit.get(f"/assessments/{aid}/answers.yml").text
    # the officer of the unit's office sees it, with the score, and the read is audited
    office = world["officer1"].get("/office")
    assert "星辰芯片1号公司" in office.text and ">3<" in office.text
    assert world["officer1"].get(f"/assessments/{aid}/report").status_code == 200
    with web.services.sessions() as db:
        reads = db.scalars(select(AuditLog).where(AuditLog.action == "assessment.read")).all()
        history = db.scalars(select(AnswerHistory.value).where(AnswerHistory.criterion_id == "point.2")).all()
    assert len(reads) == 1 and history == ["partial", False]
    # submitted: frozen
    r = unit.post(f"/assessments/{aid}/submit", data={"csrf": csrf(unit, f"/assessments/{aid}/report")})
    assert r.status_code == 303
    assert "已经提交" in chat(unit, aid, "有", page=f"/assessments/{aid}/report").json()["messages"][0]["text"]


def test_a_second_assessment_never_touches_the_first(web: Web, world: dict[str, Any]) -> None:
    unit, uid, first = world["unit1"], world["unit1_id"], world["a1"]
    chat(unit, first, "有")
    r = unit.post(f"/units/{uid}/assessments", data={"csrf": csrf(unit, f"/units/{uid}")})
    second = int(r.headers["location"].split("/")[2])
    chat(unit, second, "没有")
    first_report = unit.get(f"/assessments/{first}/report.json").json()
    second_report = unit.get(f"/assessments/{second}/report.json").json()
    assert first_report["base"] == 3 and second_report["base"] == 0


def test_unit_a_cannot_read_or_write_unit_b(web: Web, world: dict[str, Any]) -> None:
    a, b_id, b_unit = world["unit1"], world["a2"], world["unit2_id"]
    for path in (
        f"/assessments/{b_id}/report",
        f"/assessments/{b_id}/report.json",
        f"/assessments/{b_id}/chat",
        f"/assessments/{b_id}/chat/state",
        f"/assessments/{b_id}/answers.yml",
        f"/units/{b_unit}",
    ):
        assert a.get(path).status_code == 403, path
    before = len(web.rasa.calls)
    r = chat(a, b_id, "有", page="/")
    assert r.status_code == 403 and len(web.rasa.calls) == before  # never forwarded
    r = a.post(f"/units/{b_unit}/assessments", data={"csrf": csrf(a, "/")})
    assert r.status_code == 403
    assert world["unit2"].get(f"/assessments/{b_id}/report").status_code == 200


def test_an_officer_sees_only_the_units_of_their_office(web: Web, world: dict[str, Any]) -> None:
    o1 = world["officer1"]
    assert o1.get(f"/assessments/{world['a2']}/report").status_code == 403
    assert o1.get(f"/units/{world['unit2_id']}").status_code == 403
    assert "星辰芯片2号公司" not in o1.get("/office").text
    assert "星辰芯片2号公司" not in o1.get(f"/office?office={world['office2']}").text  # the query is ignored
    assert o1.get("/admin").status_code == 403
    assert chat(o1, world["a1"], "有", page="/office").status_code == 403  # officers review, units answer
    admin = world["admin"]
    assert admin.get(f"/assessments/{world['a2']}/report").status_code == 200  # the district reviews all


def test_posts_without_the_csrf_token_are_refused(web: Web, world: dict[str, Any]) -> None:
    unit, aid, uid = world["unit1"], world["a1"], world["unit1_id"]
    assert unit.post(f"/units/{uid}/assessments", data={}).status_code == 403
    assert unit.post(f"/units/{uid}/assessments", data={"csrf": "forged"}).status_code == 403
    r = unit.post(f"/assessments/{aid}/chat", json={"message": "有"})
    assert r.status_code == 403 and r.json()["ok"] is False
    r = unit.post(
        f"/assessments/{aid}/chat", json={"message": "有"}, headers={"X-CSRF-Token": csrf(world["unit2"], "/")}
    )
    assert r.status_code == 403  # another session's token
    anon = web.client()
    assert anon.post("/login", data={"username": "unit1", "password": PASSWORD}).status_code == 403


def test_invitations_work_once_and_expire(web: Web, world: dict[str, Any]) -> None:
    officer = world["officer1"]
    r = officer.post(
        "/office/units",
        data={"name": "新公司", "unit_type": "station", "username": "newbie", "csrf": csrf(officer, "/office")},
    )
    link = invite_link(r.text)
    first = web.client()
    accept(first, link)
    again = web.client()
    path = "/" + link.split("/", 3)[3]
    assert again.get(path).status_code == 404  # used
    r = officer.post(
        "/office/units",
        data={"name": "迟到公司", "unit_type": "zone", "username": "late", "csrf": csrf(officer, "/office")},
    )
    late = "/" + invite_link(r.text).split("/", 3)[3]
    with web.services.sessions.begin() as db:
        db.execute(
            update(Invitation).values(expires_at=now() - timedelta(minutes=1)).where(Invitation.used_at.is_(None))
        )
    assert web.client().get(late).status_code == 404


def test_sign_in_failures_are_limited(web: Web, world: dict[str, Any]) -> None:
    c = web.client()
    for _ in range(5):
        r = c.post("/login", data={"username": "unit1", "password": "wrong-password", "csrf": csrf(c)})
        assert r.status_code == 401 and "不正确" in r.text
    r = c.post("/login", data={"username": "unit1", "password": PASSWORD, "csrf": csrf(c)})
    assert r.status_code == 429  # even the right password waits now
    with web.services.sessions() as db:
        rows = db.scalars(select(AuditLog).where(AuditLog.action == "login.failed")).all()
    assert all(PASSWORD not in str(r.detail) and "wrong" not in str(r.detail) for r in rows)


def test_logout_ends_the_session_everywhere(web: Web, world: dict[str, Any]) -> None:
    unit = world["unit1"]
    cookie = unit.cookies.get("shangmi_session")
    other = web.client()
    other.cookies.set("shangmi_session", cookie)
    assert other.get(f"/units/{world['unit1_id']}").status_code == 200
    unit.post("/logout", data={"csrf": csrf(unit, "/")})
    assert other.get(f"/units/{world['unit1_id']}").status_code == 303  # back to /login


def test_the_chat_gateway_refuses_what_it_must_not_pass(web: Web, world: dict[str, Any]) -> None:
    unit, aid = world["unit1"], world["a1"]
    before = len(web.rasa.calls)
    r = chat(unit, aid, "有" * 1001)
    assert r.json()["ok"] is False and "太长" in r.json()["error"]
    r = chat(unit, aid, "/restart")
    assert r.json()["ok"] is False
    r = chat(unit, aid, '/inform_tier{"tier":"national","x":"1"}')
    assert r.json()["ok"] is False
    assert len(web.rasa.calls) == before  # none of them reached Rasa
    big = unit.post(
        f"/assessments/{aid}/chat",
        content=b"x" * 30_000,
        headers={"X-CSRF-Token": csrf(unit, "/"), "content-type": "application/json"},
    )
    assert big.status_code == 413


def test_when_rasa_or_the_action_server_is_down_the_page_is_told(web: Web, world: dict[str, Any]) -> None:
    unit, aid = world["unit1"], world["a1"]
    web.rasa.down = True
    r = chat(unit, aid, "有")
    assert r.json()["ok"] is False and "没有记录" in r.json()["error"]
    web.rasa.down, web.rasa.empty = False, True  # Rasa up, action server down: Rasa answers []
    r = chat(unit, aid, "有")
    assert r.json()["ok"] is False and "没有记录" in r.json()["error"]
    web.rasa.empty = False
    r = chat(unit, aid, "有", message_id="retry-0000001")
    assert r.json()["ok"]
    again = chat(unit, aid, "有", message_id="retry-0000001")  # the page retried after a timeout
    assert again.json()["ok"] and again.json()["messages"] == r.json()["messages"]
    with web.services.sessions() as db:
        history = db.scalars(select(AnswerHistory).where(AnswerHistory.criterion_id == "point.1")).all()
    assert len(history) == 1  # recorded once
    # a reply without the action server's receipt, or with one for another turn, is not a recorded turn
    for receipt in ("", "0" * 32, Stamp.make(sender_for(aid), "another-turn-1", 1).receipt(sender_for(aid))):
        web.rasa.receipt = receipt
        r = chat(unit, aid, "没有")
        assert r.json()["ok"] is False and "没有记录" in r.json()["error"] and not r.json()["messages"]
    web.rasa.receipt = None
    r = chat(unit, aid, "没有")
    assert r.json()["ok"] and all("receipt" not in m.get("custom", {}) for m in r.json()["messages"])
    # 重新开始 in the web chat is answered (a new assessment starts from the unit's page), not "not recorded"
    r = chat(unit, aid, "/start_over")
    assert r.json()["ok"] and "新建一份自评" in r.json()["messages"][0]["text"]


def test_the_rest_channel_cannot_be_used_to_write_a_web_assessment(web: Web, world: dict[str, Any]) -> None:
    from app.services.assessments import Stamp, sender_for
    from bot.session import UserEvent

    sender = sender_for(world["a1"])
    msgs = web.services.assessments.take_turn(sender, UserEvent("answer", "有"))
    assert "登录" in (msgs[0].text or "")
    forged = Stamp("m-00000001", world["unit1_id"], 0, "0" * 64)
    msgs = web.services.assessments.take_turn(sender, UserEvent("answer", "有"), forged)
    assert "登录" in (msgs[0].text or "")
    assert web.services.assessments.conversation_answers(sender) == {}


def test_security_headers_and_cookies(web: Web, world: dict[str, Any]) -> None:
    c = web.client()
    r = c.get("/login")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer" and r.headers["cache-control"] == "no-store"
    r = c.post("/login", data={"username": "unit1", "password": PASSWORD, "csrf": csrf(c)})
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    for path in ("/login", "/"):
        assert "<script>" not in c.get(path, follow_redirects=True).text  # no inline script anywhere


def test_pages_need_a_signed_in_user(web: Web, world: dict[str, Any]) -> None:
    anon = web.client()
    for path in (
        "/admin",
        "/office",
        f"/units/{world['unit1_id']}",
        f"/assessments/{world['a1']}/report",
        f"/assessments/{world['a1']}/report.json",
        f"/assessments/{world['a1']}/chat",
    ):
        r = anon.get(path)
        assert r.status_code == 303 and r.headers["location"] == "/login", path
    assert anon.get("/healthz").text == "ok"
    assert anon.get("/docs").status_code == 404 and anon.get("/openapi.json").status_code == 404


def test_unknown_things_are_clear_refusals_not_errors(web: Web, world: dict[str, Any]) -> None:
    unit = world["unit1"]
    for path in (
        "/assessments/999999/report",
        "/units/999999",
        "/nowhere",
        "/assessments/abc/report",
        "/invite/" + "x" * 500,
    ):
        assert unit.get(path).status_code in (400, 403, 404), path
    r = unit.post(
        f"/assessments/{world['a1']}/chat",
        content=b"not json",
        headers={"X-CSRF-Token": csrf(unit, "/"), "content-type": "application/json"},
    )
    assert r.status_code == 400


def test_the_admin_lists(web: Web, world: dict[str, Any]) -> None:
    page = world["admin"].get("/admin").text
    assert "车墩市场监管所" in page and "officer2" in page and "已设置密码" in page
    office = world["admin"].get(f"/office?office={world['office2']}").text
    assert "泗泾市场监管所" in office


def test_the_units_application_form(web: Web, world: dict[str, Any]) -> None:
    unit, uid = world["unit1"], world["unit1_id"]
    data = {
        "name": "星辰芯片1号公司",
        "leader": "张伟",
        "postcode": "201600",
        "phone": "021-57771234",
        "csrf": csrf(unit, f"/units/{uid}"),
    }
    assert unit.post(f"/units/{uid}/form", data=data).status_code == 303
    page = unit.get(f"/units/{uid}").text
    assert "张伟" in page and "201600" in page
    bad = {**data, "postcode": "2016", "csrf": csrf(unit, f"/units/{uid}")}
    r = unit.post(f"/units/{uid}/form", data=bad)
    assert r.status_code == 400 and "邮政编码格式不对" in r.text
    assert (
        world["officer1"]
        .post(f"/units/{uid}/form", data={**data, "csrf": csrf(world["officer1"], "/office")})
        .status_code
        == 403
    )
    assert "张伟" in world["officer1"].get(f"/units/{uid}").text  # the officer reads it
    report = unit.get(f"/assessments/{world['a1']}/report.json").json()
    assert report["unit"]["leader"] == "张伟"


def test_the_office_list_is_paged_filtered_and_ranked(web: Web, world: dict[str, Any]) -> None:
    """An office lists its units a page at a time: counts over the whole office, an order to rank
    within the quota, filters by status, and units not started yet on their own list."""
    from app.db.models import Assessment, User
    from app.services.authz import Actor

    svc = web.services
    with svc.sessions() as db:
        officer_id = db.scalar(select(User.id).where(User.username == "officer1"))
    officer = Actor(int(officer_id or 0), "officer", office_id=world["office1"])
    started = []
    for i in range(70):  # 60 start an assessment, 10 do not; ten of the 60 submit
        uid, _ = svc.accounts.create_unit(officer, f"分页测试{i:03d}号公司", "point", f"pager{i:03d}")
        if i < 60:
            started.append(svc.assessments.start(Actor(officer.user_id, "unit", unit_id=uid), uid))  # any existing user
    with svc.sessions.begin() as db:
        for k, aid in enumerate(started):
            values = {"total": float((k * 37) % 101), "base": float((k * 37) % 101)}
            if k < 10:
                values["status"] = "submitted"
            db.execute(update(Assessment).where(Assessment.id == aid).values(**values))
    o1 = world["officer1"]
    first = o1.get("/office").text
    assert "辖区单位 <strong>71</strong> 家" in first and "已开始自评 61 家" in first and "已提交 10 家" in first
    assert first.count('">报告</a>') == 50 and "共 61 条（第 1/2 页）" in first
    second = o1.get("/office?page=2").text
    assert second.count('">报告</a>') == 11 and "第 51–61 条" in second
    assert o1.get("/office?page=99").text.count('">报告</a>') == 11  # past the end: the last page
    # ranked by total, across the page boundary
    totals = [
        float(t)
        for page in (1, 2)
        for t in re.findall(r"<td><strong>([\d.]+)</strong></td>", o1.get(f"/office?sort=total&page={page}").text)
    ]
    assert len(totals) == 61 and totals == sorted(totals, reverse=True) and totals[0] == 100
    submitted = o1.get("/office?status=submitted").text
    assert submitted.count('">报告</a>') == 10 and "草稿" not in submitted.split("<tbody>")[1]
    fresh = o1.get("/office?status=fresh").text
    assert "共 10 条" in fresh and "分页测试065号公司" in fresh and "分页测试001号公司" not in fresh
    assert 'href="/office?status=fresh&amp;sort=total"' not in fresh  # the order is of started ones only
    assert o1.get("/office?sort=bogus").status_code == 400 and o1.get("/office?page=0").status_code == 400
    # the other office sees none of it; the district admin sees the counts
    assert "分页测试" not in world["officer2"].get("/office?status=fresh").text
    admin = world["admin"].get("/admin").text
    assert "<td>71</td><td>61</td><td>10</td>" in admin
    assert "共 61 条" in world["admin"].get(f"/office?office={world['office1']}").text


def test_a_lone_surrogate_is_replaced_not_stored(web: Web, world: dict[str, Any]) -> None:
    """JSON may carry "\\ud800": UTF-8 cannot; stored as is, the transcript could never be shown again."""
    unit, aid = world["unit1"], world["a1"]
    body = b'{"message": "\\u6709\\ud800", "message_id": "surrogate-0001"}'
    r = unit.post(
        f"/assessments/{aid}/chat",
        content=body,
        headers={"X-CSRF-Token": csrf(unit, f"/assessments/{aid}/chat"), "content-type": "application/json"},
    )
    assert r.status_code == 200 and r.json()["ok"]
    state = unit.get(f"/assessments/{aid}/chat/state")
    assert state.status_code == 200 and state.json()["transcript"][0]["text"].startswith("有")
