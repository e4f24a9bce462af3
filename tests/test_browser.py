"""The web app in a real browser (Chromium through Playwright) over the real servers: the action
server, Rasa 3.6 and the web app (uvicorn) on free loopback ports, with a private data folder.

One walk through every role, as people would use it (issue 7):

1. the first district admin is created with the CLI;
2. the admin signs in, adds two offices and an officer for each, and reads the one-time links;
3. the officer sets a password and adds a 示范点 unit, with the unit's one-time link;
4. the unit member sets a password and chats the whole 示范点 self-assessment (50 criteria),
   with buttons and typed everyday Chinese, a confirmation, a one-message correction and a page
   reload in the middle; then the report page, its totals against the report JSON, the downloads;
5. the officer sees the unit's status and score and opens its report; a unit of another office
   is refused it.

Screenshots of the key pages go to results/screenshots/. Needs /usr/bin/chromium and a CJK font
(``scripts/test-deps.sh`` installs them) and a trained model (``make train``).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from servers import MODEL, RASA, ROOT, Servers, free_port, launch_web, stop, wait_http

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "results" / "screenshots"
TURN_MS = 30_000  # one chat turn through Rasa and the action server, at most
PASSWORD = "松江-correct-horse-42"
UNIT_NAME = "上海松江星辰芯片科技有限公司"
OTHER_UNIT = "泗泾云栖精密仪器有限公司"
_CHAT_POST = re.compile(r"/assessments/\d+/chat$")


@dataclass
class Stack:
    servers: Servers
    web: subprocess.Popen[bytes]
    base_url: str


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL.exists() or not RASA.exists():
        pytest.fail("run `make train` first: the browser test needs the Rasa venv and a trained model")
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: run scripts/test-deps.sh (as root) to install chromium and fonts-noto-cjk")
    s = Servers.create(tmp_path_factory.mktemp("browser"))
    print(f"server logs in {s.tmp}")
    # 1. the first district admin, with the CLI (this also creates the schema before any server opens it)
    cli = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "shangmi"), "admin", "create", "--username", "admin", "--password-stdin"],
        input=PASSWORD + "\n",
        env=s.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode == 0, cli.stderr
    assert "已创建区局管理员 admin" in cli.stdout
    web = None
    try:
        s.start_actions()
        s.start_rasa()
        port = free_port()
        web = launch_web(port, {**s.env, "SHANGMI_RASA_URL": f"http://127.0.0.1:{s.rasa_port}"}, s.tmp / "web.log")
        wait_http(f"http://127.0.0.1:{port}/healthz", web, timeout=60)
        yield Stack(s, web, f"http://127.0.0.1:{port}")
    finally:
        stop(web)
        s.stop_all()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        expect.set_options(timeout=TURN_MS)  # assertions wait as long as a chat turn may take
        try:
            yield b
        finally:
            b.close()


def new_page(browser: Browser, stack: Stack) -> Page:
    """A fresh browser profile (cookies of its own): one person."""
    context = browser.new_context(
        base_url=stack.base_url, locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    context.set_default_timeout(TURN_MS)
    return context.new_page()


def shot(page: Page, name: str, full_page: bool = False) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


# ── signing in and the one-time links ─────────────────────────────────────────
def sign_in(page: Page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(re.compile(r"/(admin|office|units/\d+)$"))


def accept_invitation(page: Page, link: str, username: str) -> None:
    page.goto(link)
    expect(page.locator("main strong").first).to_have_text(username)
    page.get_by_label("新密码").fill(PASSWORD)
    page.get_by_label("再输一次").fill(PASSWORD)
    page.get_by_role("button", name="设置并登录").click()
    page.wait_for_url(re.compile(r"/(office|units/\d+)$"))


def read_invite_link(page: Page) -> str:
    expect(page.locator("h1")).to_have_text("邀请链接已生成")
    link = page.locator("#invite-link").inner_text().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/invite/[A-Za-z0-9_-]{20,}", link), link
    return link


def add_office(page: Page, name: str) -> None:
    page.goto("/admin")
    page.get_by_label("市场监管所名称").fill(name)
    page.get_by_role("button", name="添加市场监管所").click()
    page.wait_for_url(re.compile(r"/admin$"))
    assert name in page.locator("table").first.inner_text()


def add_officer(page: Page, username: str, display_name: str, office: str) -> str:
    page.goto("/admin")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("姓名").fill(display_name)
    page.get_by_label("所属市场监管所").select_option(label=office)
    page.get_by_role("button", name="添加工作人员并生成邀请链接").click()
    return read_invite_link(page)


def add_unit(page: Page, name: str, username: str) -> str:
    page.goto("/office")
    page.get_by_label("单位全称").fill(name)
    page.get_by_label("单位类型").select_option(label="示范点（企业）")
    page.get_by_label("联系人登录用户名").fill(username)
    page.get_by_role("button", name="添加并生成邀请链接").click()
    return read_invite_link(page)


def status_of(page: Page, url: str) -> int:
    response = page.goto(url)
    assert response is not None, url
    return response.status


def totals_shown(page: Page) -> list[float]:
    """基本项, 加分项, 总分 as the report page shows them."""
    return [float(s) for s in page.locator("main > p").first.locator("strong").all_inner_texts()]


# ── the chat ──────────────────────────────────────────────────────────────────
def turn(page: Page, act: Callable[[], None]) -> list[dict[str, Any]]:
    """One chat turn through the page: what the server answered, once it is on the screen."""
    bots = page.locator(".msg.bot")
    before = bots.count()
    with page.expect_response(
        lambda r: r.request.method == "POST" and _CHAT_POST.search(r.url) is not None, timeout=TURN_MS
    ) as info:
        act()
    data = info.value.json()
    assert data["ok"], data
    bots.nth(before).wait_for(timeout=TURN_MS)  # the page rendered the reply
    expect(page.locator("#send")).to_be_enabled(timeout=TURN_MS)
    expect(page.locator("#status")).to_have_text("")
    msgs: list[dict[str, Any]] = data["messages"]
    return msgs


def click(page: Page, prefix: str) -> list[dict[str, Any]]:
    """Click the answer button whose title starts with ``prefix`` (有 → “有，已做到”)."""
    titles = page.locator("#buttons button").all_inner_texts()
    matching = [t for t in titles if t.startswith(prefix)]
    assert matching, (prefix, titles, page.locator(".msg.bot").last.inner_text())
    title = matching[0]
    button = page.locator("#buttons").get_by_role("button", name=title, exact=True)
    msgs = turn(page, button.click)
    # the unit's own bubble shows the button's title, not its payload
    assert page.locator(".msg.unit").last.inner_text() == title
    return msgs


def type_in(page: Page, text: str, enter: bool, typed: list[str]) -> list[dict[str, Any]]:
    def act() -> None:
        page.locator("#message").fill(text)
        if enter:
            page.locator("#message").press("Enter")
        else:
            page.locator("#send").click()

    msgs = turn(page, act)
    assert page.locator(".msg.unit").last.inner_text() == text
    typed.append(text)
    expect(page.locator("#message")).to_have_value("")
    return msgs


def customs(msgs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m["custom"] for m in msgs if isinstance(m.get("custom"), dict)]


def question(msgs: list[dict[str, Any]]) -> dict[str, Any]:
    qs = [c for c in customs(msgs) if "criterion" in c and c.get("expects") != "confirm"]
    assert qs, f"no question in reply: {msgs}"
    return qs[-1]


def final_report(msgs: list[dict[str, Any]]) -> dict[str, Any] | None:
    for c in customs(msgs):
        if c.get("final") and isinstance(c.get("report"), dict):
            report: dict[str, Any] = c["report"]
            return report
    return None


def bot_text(msgs: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in msgs)


@dataclass(frozen=True)
class Step:
    """One answer: a button (by the start of its title) or typed words, and the value it must be
    recorded as (True, False, "partial", "unknown", or "fewer": a count below the threshold)."""

    how: Literal["click", "type"]
    words: str
    value: Any
    enter: bool = True  # typed: sent with Enter, or with the 发送 button


# cycled over the criteria without a special step: buttons on even positions, typed words on odd ones
BUTTONS = [("有", True), ("没有", False), ("部分做到", "partial"), ("有", True), ("不清楚", "unknown")]
TYPED = [
    ("有的有的", True),
    ("还没有", False),
    ("我们一直有执行", True),
    ("以前没有，现在有了", True),
    ("研发签了，销售还没签", "partial"),
    ("暂时没做", False),
    ("早就建立了", True),
    ("没印象", "unknown"),
    ("都做了", True),
]
SPECIAL = {
    "point.1": Step("type", "应该有吧", True),  # hedged: 我理解为…，对吗？ → 是的
    "point.2": Step("type", "只有兼职的", True, enter=False),  # 兼职 meets this standard (accepts)
    "point.42": Step("type", "不到两次", "fewer"),  # the standard asks for two a year at least
    "point.B3": Step("type", "刚开始做，还没覆盖全部", "partial", enter=False),
}
CONFIRMED = "point.1"
# said while point.3 is asked: replaces the answer to point.2, then point.3 is asked again
CORRECTION = ("point.3", "不对，应该是没有", "point.2", False)
RELOAD_AT = "point.25"


def plan(order: list[str]) -> dict[str, Step]:
    steps: dict[str, Step] = {}
    for i, cid in enumerate(order):
        if cid in SPECIAL:
            steps[cid] = SPECIAL[cid]
        elif i % 2 == 0:
            title, value = BUTTONS[(i // 2) % len(BUTTONS)]
            steps[cid] = Step("click", title, value)
        else:
            words, value = TYPED[(i // 2) % len(TYPED)]
            steps[cid] = Step("type", words, value, enter=(i // 2) % 2 == 0)
    return steps


def test_the_typed_answers_are_read_as_meant() -> None:
    """The walk below must not hinge on the NLU of a given machine: the rules read every typed answer
    as meant, and only the hedged one asks for a confirmation. No servers, no browser."""
    from bot.reading import Hint, read
    from bot.rubric import load_rubric

    rubric = load_rubric("point")
    by_id = {c.id: c for c in rubric.criteria}
    for cid, step in plan(list(by_id)).items():
        if step.how != "type":
            continue
        r = read(by_id[cid], step.words, Hint())
        assert r.outcome == "record", (cid, step, r)
        if step.value == "fewer":
            assert r.value["relation"] == "lt" and r.value["value"] == 2, (cid, step, r)
        else:
            assert r.value == step.value, (cid, step, r)
        assert r.needs_confirmation == (cid == CONFIRMED), (cid, step, r)
    at, words, target, value = CORRECTION
    assert by_id[at] and by_id[target] and read(by_id[target], words, Hint()).value == value


def test_the_whole_walk_in_a_browser(stack: Stack, browser: Browser) -> None:
    from bot.rubric import load_rubric

    rubric = load_rubric("point")
    order = [c.id for c in rubric.criteria]
    asked = {c.id: c.question for c in rubric.criteria}
    assert len(order) == 50

    # 2. the district admin: two offices, an officer for each, their one-time links
    admin = new_page(browser, stack)
    sign_in(admin, "admin")
    expect(admin.locator("h1")).to_have_text("区局：市场监管所与工作人员")
    add_office(admin, "车墩市场监管所")
    add_office(admin, "泗泾市场监管所")
    officer_link = add_officer(admin, "officer1", "王建国", "车墩市场监管所")
    other_officer_link = add_officer(admin, "officer2", "李明", "泗泾市场监管所")
    admin.goto("/admin")
    officers = admin.locator("table").nth(1).inner_text()
    assert "officer1" in officers and "王建国" in officers and "待接受邀请" in officers

    # 3. the officer: a password, then a 示范点 unit and its link
    officer = new_page(browser, stack)
    accept_invitation(officer, officer_link, "officer1")
    expect(officer.locator("h1")).to_have_text("车墩市场监管所：辖区单位")
    unit_link = add_unit(officer, UNIT_NAME, "xingchen")
    assert status_of(officer, officer_link) == 404  # the officer's link worked once

    # 4. the unit member: a password, a new self-assessment, the whole chat
    unit = new_page(browser, stack)
    accept_invitation(unit, unit_link, "xingchen")
    expect(unit.locator("h1")).to_have_text(UNIT_NAME)
    with unit.expect_response(re.compile(r"/chat/state$")) as state_info:
        unit.get_by_role("button", name="开始一份新的自评").click()
        unit.wait_for_url(re.compile(r"/assessments/\d+/chat$"))
    aid = int(unit.url.rsplit("/", 2)[1])
    prompt = state_info.value.json()["prompt"]
    unit.locator(".msg.bot").first.wait_for()
    q = question(prompt)
    assert q["criterion"] == "point.1" and q["progress"] == [1, 50]  # type and name come from the unit's record
    expect(unit.locator("#progress-text")).to_have_text("第 1 / 50 项")
    assert asked["point.1"] in unit.locator(".msg.bot").last.inner_text()

    steps = plan(order)
    expected: dict[str, Any] = {}
    typed: list[str] = []  # what the unit typed, in order
    seen: set[str] = set()
    msgs = prompt
    report_in_chat: dict[str, Any] | None = None
    for _ in range(60):  # 50 criteria and a few extra turns; never loop forever
        q = question(msgs)
        cid = q["criterion"]
        assert q["progress"] == [order.index(cid) + 1, 50]
        expect(unit.locator("#progress-text")).to_have_text(f"第 {q['progress'][0]} / 50 项")

        if cid == RELOAD_AT and "reload" not in seen:
            seen.add("reload")
            before_question = unit.locator(".msg.bot").last.inner_text()
            before_progress = unit.locator("#progress-text").inner_text()
            with unit.expect_response(re.compile(r"/chat/state$")) as state_info:
                unit.reload()
            state = state_info.value.json()
            unit.locator(".msg.note").wait_for()
            expect(unit.locator("#progress-text")).to_have_text(before_progress)
            again = unit.locator(".msg.bot").last.inner_text()  # the question, without "记下了：…" before it
            assert asked[cid] in again and before_question.endswith(again), (before_question, again)
            assert question(state["prompt"])["criterion"] == cid
            # the transcript is back: every typed answer, in order (clicked buttons are not kept, see the report)
            shown = unit.locator(".msg.unit").all_inner_texts()
            assert [t for t in shown if t in typed] == typed, (shown, typed)
            assert unit.locator("#buttons button").count() >= 4
            shot(unit, "chat-after-reload")

        at, words, target, value = CORRECTION
        if cid == at and "correct" not in seen:
            seen.add("correct")
            msgs = type_in(unit, words, enter=True, typed=typed)
            assert f"已把第 {order.index(target) + 1} 项" in bot_text(msgs), msgs
            assert question(msgs)["criterion"] == cid  # and the current question again
            expected[target] = value
            continue

        step = steps[cid]
        if step.how == "click":
            msgs = click(unit, step.words)
        else:
            msgs = type_in(unit, step.words, enter=step.enter, typed=typed)
        if cid == CONFIRMED:
            # a hedged answer is confirmed before it is recorded
            confirm = [c for c in customs(msgs) if c.get("expects") == "confirm"]
            assert confirm and confirm[0]["criterion"] == cid, msgs
            assert re.search(r"我理解为.+对吗？", unit.locator(".msg.bot").last.inner_text())
            msgs = click(unit, "是的")
            seen.add("confirm")
        expected[cid] = step.value

        report_in_chat = final_report(msgs)
        if report_in_chat is not None:
            break
        assert question(msgs)["criterion"] != cid, f"{cid} not taken: {bot_text(msgs)[:300]}"
    assert report_in_chat is not None, "the chat did not reach the report"
    assert seen == {"reload", "confirm", "correct"}
    assert len(expected) == 50

    expect(unit.locator("#progress-text")).to_have_text("已完成")
    link = unit.get_by_role("link", name="查看完整的差距报告")
    expect(link).to_be_in_viewport()  # the chat log scrolled down to it
    assert "自评完成" in bot_text(msgs)
    shot(unit, "chat-final")

    # the report page, its totals against the report JSON of the same session
    link.click()
    unit.wait_for_url(re.compile(rf"/assessments/{aid}/report$"))
    expect(unit.locator("h1")).to_contain_text("差距报告")
    report = unit.request.get(f"/assessments/{aid}/report.json")
    assert report.ok and report.headers["content-type"].startswith("application/json")
    data = report.json()
    assert totals_shown(unit) == [data["base"], data["bonus"], data["total"]]
    assert (data["base"], data["bonus"], data["total"]) == (
        report_in_chat["base"],
        report_in_chat["bonus"],
        report_in_chat["total"],
    )
    assert data["unit"]["name"] == UNIT_NAME
    check_answers(data, expected)

    # the printable report in the frame, and the downloads
    frame = unit.frame_locator("iframe.report")
    expect(frame.locator("body")).to_contain_text("基本项")
    with unit.expect_download() as dl:
        unit.get_by_role("link", name="Markdown").click()
    md = Path(dl.value.path()).read_text(encoding="utf-8")
    assert dl.value.suggested_filename == f"report-{aid}.md" and UNIT_NAME in md and "差距" in md
    with unit.expect_download() as dl:
        unit.get_by_role("link", name="JSON").click()
    assert json.loads(Path(dl.value.path()).read_text(encoding="utf-8")) == data
    with unit.expect_popup() as popup_info:
        unit.get_by_role("link", name="可打印 HTML").click()
    popup = popup_info.value
    popup.wait_for_load_state()
    expect(popup.locator("body")).to_contain_text(UNIT_NAME)
    popup.close()
    for fmt, kind in (("md", "text/markdown"), ("json", "application/json"), ("html", "text/html")):
        r = unit.request.get(f"/assessments/{aid}/report.{fmt}")
        assert r.status == 200 and r.headers["content-type"].startswith(kind), fmt
    answers = unit.request.get(f"/assessments/{aid}/answers.yml")
    assert answers.ok and "point.2: false" in answers.text()

    # the unit hands it in
    unit.get_by_role("button", name="提交给市场监管所").click()
    unit.wait_for_url(re.compile(rf"/assessments/{aid}/report$"))
    expect(unit.locator("main > p").first).to_contain_text("已提交")
    shot(unit, "report", full_page=True)

    # 5. the officer signs in again (a new browser profile): the unit, its status and score
    officer.context.close()
    officer = new_page(browser, stack)
    sign_in(officer, "officer1")
    row = officer.locator("tr", has_text=UNIT_NAME)
    expect(row).to_have_count(1)
    cells = row.locator("td").all_inner_texts()
    assert cells[1] == "示范点（企业）" and cells[2] == "已提交", cells
    assert [float(c) for c in cells[4:7]] == [data["base"], data["bonus"], data["total"]], cells
    unsure = len(data["unconfirmed"])
    assert int(cells[7]) == unsure > 0
    assert cells[3] == "50/50", cells  # 进度 counts every answer, 不清楚 included (they are listed in 待核实)
    shot(officer, "office")
    row.get_by_role("link", name="报告").click()
    officer.wait_for_url(re.compile(rf"/assessments/{aid}/report$"))
    assert totals_shown(officer) == [data["base"], data["bonus"], data["total"]]
    expect(officer.get_by_role("button", name="提交给市场监管所")).to_have_count(0)  # officers review

    # a unit of another office, added by that office's officer, is refused the first unit's report
    other_officer = new_page(browser, stack)
    accept_invitation(other_officer, other_officer_link, "officer2")
    other_link = add_unit(other_officer, OTHER_UNIT, "yunqi")
    assert status_of(other_officer, f"/assessments/{aid}/report") == 403
    other = new_page(browser, stack)
    accept_invitation(other, other_link, "yunqi")
    expect(other.locator("h1")).to_have_text(OTHER_UNIT)
    assert status_of(other, f"/assessments/{aid}/report") == 403
    expect(other.locator("h1")).to_have_text("无法完成")
    for path in (f"/assessments/{aid}/report.json", f"/assessments/{aid}/chat", f"/assessments/{aid}/answers.yml"):
        assert other.request.get(path).status == 403, path
    for page in (admin, officer, unit, other_officer, other):
        page.context.close()


def check_answers(report: dict[str, Any], expected: dict[str, Any]) -> None:
    """Every answer recorded as the unit meant it."""
    by_id = {c["id"]: c for c in report["criteria"]}
    unconfirmed = {u["id"] for u in report["unconfirmed"]}
    wrong = []
    for cid, value in expected.items():
        c = by_id[cid]
        if value == "unknown":
            ok = cid in unconfirmed and c["got"] == 0
        elif value == "fewer":
            ok = c["got"] == 0 and c["status"] != "unanswered" and cid not in unconfirmed
        elif value == "partial":
            ok = c["answer"] == "partial" and 0 < c["got"] < c["max"]
        elif value is True:
            ok = c["answer"] is True and c["got"] == c["max"]
        else:
            ok = c["answer"] is False and c["got"] == 0
        if not ok:
            wrong.append((cid, value, c))
    assert not wrong, wrong
