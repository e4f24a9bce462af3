"""Rasa custom actions with a fake tracker and a real dispatcher (no servers)."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import runtime
from actions.answer import ActionAnswer
from actions.base import EngineAction
from actions.explain import ActionExplain
from actions.go_back import ActionGoBack
from actions.pause import ActionPause
from actions.resume import ActionResume
from app.bootstrap import Services


@pytest.fixture(autouse=True)
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Services:
    monkeypatch.setenv("SHANGMI_VAR", str(tmp_path))
    monkeypatch.delenv("SHANGMI_DB_URL", raising=False)
    runtime.services.cache_clear()
    return runtime.services()


def answers(services: Services, sender: str = "u1") -> dict[str, Any]:
    return services.assessments.conversation_answers(sender)


def tracker(text: str, intent: str, entities: list[dict[str, Any]] | None = None, sender: str = "u1") -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []}
    return Tracker(sender, {}, latest, [], False, None, {}, "action_listen")


def run(action: EngineAction, t: Tracker) -> list[dict[str, Any]]:
    d = CollectingDispatcher()
    asyncio.run(action.run(d, t, {}))
    return d.messages


def test_names_match_the_domain() -> None:
    import yaml

    domain = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))
    import importlib
    import pkgutil

    import actions

    for mod in pkgutil.iter_modules(actions.__path__):  # what `python -m rasa_sdk --actions actions` loads
        importlib.import_module(f"actions.{mod.name}")
    names = {cls.action_name for cls in EngineAction.__subclasses__()}
    assert names == set(domain["actions"])


def test_button_payload_entities_and_json_message() -> None:
    run(ActionResume(), tracker("你好", "greet"))
    msgs = run(
        ActionAnswer(),
        tracker(
            '/choose_unit_type{"unit_type":"point"}', "choose_unit_type", [{"entity": "unit_type", "value": "point"}]
        ),
    )
    assert any(m.get("custom") == {"field": "name", "expects": "text"} for m in msgs)
    q = next(m for m in msgs if m.get("buttons"))
    assert q["text"].endswith("企业名称是？")


def test_answers_are_saved_before_the_reply(isolated_store: Services) -> None:
    run(ActionAnswer(), tracker("", "choose_unit_type", [{"entity": "unit_type", "value": "point"}]))
    run(ActionAnswer(), tracker("全部跳过", "skip"))
    msgs = run(ActionAnswer(), tracker("已经签了", "affirm"))
    assert answers(isolated_store) == {"point.1": True}
    assert any(m.get("custom", {}).get("criterion") == "point.2" for m in msgs)
    run(ActionGoBack(), tracker("上一题", "go_back"))
    msgs = run(ActionExplain(), tracker("解释一下", "explain"))
    assert "证明材料" in msgs[0]["text"]


def test_pause_and_resume_survive_a_new_process(isolated_store: Services) -> None:
    run(ActionAnswer(), tracker("", "choose_unit_type", [{"entity": "unit_type", "value": "zone"}]))
    run(ActionAnswer(), tracker("全部跳过", "skip"))
    run(ActionAnswer(), tracker("有", "affirm"))
    run(ActionPause(), tracker("暂停", "pause"))
    runtime.services.cache_clear()  # a restarted action server opens the same database again
    msgs = run(ActionResume(), tracker("继续", "resume"))
    assert any(m.get("custom", {}).get("criterion") == "zone.2" for m in msgs)


def test_a_crash_keeps_earlier_answers_and_logs_no_content(
    isolated_store: Services, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    run(ActionAnswer(), tracker("", "choose_unit_type", [{"entity": "unit_type", "value": "point"}]))
    run(ActionAnswer(), tracker("全部跳过", "skip"))
    run(ActionAnswer(), tracker("有", "affirm"))

    def boom(*_: Any) -> Any:
        raise RuntimeError("secret answer text 我们没有保密协议")

    from bot.dialogue import Engine

    monkeypatch.setattr(Engine, "handle", boom)
    with caplog.at_level(logging.DEBUG):
        msgs = run(ActionAnswer(), tracker("我们没有保密协议", "deny"))
    assert "都已保存" in msgs[0]["text"]
    assert answers(isolated_store) == {"point.1": True}
    assert "保密协议" not in caplog.text and "RuntimeError" in caplog.text


def test_final_report_is_written_owner_only(tmp_path: Path) -> None:
    run(ActionAnswer(), tracker("", "choose_unit_type", [{"entity": "unit_type", "value": "zone"}]))
    run(ActionAnswer(), tracker("全部跳过", "skip"))
    msgs: list[dict[str, Any]] = []
    for _ in range(40):
        msgs = run(ActionAnswer(), tracker("没有", "deny"))
        if any("report" in (m.get("custom") or {}) for m in msgs):
            break
    report = next(m["custom"]["report"] for m in msgs if "report" in (m.get("custom") or {}))
    assert report["unit_type"] == "zone" and report["base"] == 5  # only zone.16 (absence: 没有 = met)
    files = sorted((tmp_path / "reports").iterdir())
    assert [f.suffix for f in files] == [".html", ".md"]
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)
    assert "u1" not in files[0].name


def test_rasa_sdk_registers_exactly_the_domain_actions() -> None:
    """What `python -m rasa_sdk --actions actions` does at start-up."""
    import yaml
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    domain = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))
    assert set(executor.actions) == set(domain["actions"])


def test_custom_payload_shape_per_channel() -> None:
    """socket.io's output channel calls emit(**json_message): it needs {"data": ...}."""
    from actions.base import send
    from bot.session import Message

    rest, sock = CollectingDispatcher(), CollectingDispatcher()
    msgs = [Message(text="问题", custom={"criterion": "point.1", "expects": "boolean", "progress": [1, 50]})]
    send(rest, msgs, "rest")
    send(sock, msgs, "socketio")
    assert rest.messages[0]["custom"] == {"criterion": "point.1", "expects": "boolean", "progress": [1, 50]}
    assert sock.messages[0]["custom"] == {"data": {"custom": rest.messages[0]["custom"]}}


def test_broken_rubric_stops_the_action_server_with_one_readable_error(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    for f in Path("rubrics").glob("*.yml"):
        shutil.copy(f, tmp_path / f.name)
    broken = tmp_path / "station.yml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("  points: 8\n", "  points: nine\n", 1), encoding="utf-8"
    )
    env = {**os.environ, "SHANGMI_RUBRICS": str(tmp_path), "SHANGMI_VAR": str(tmp_path / "var")}
    proc = subprocess.run([sys.executable, "-c", "import actions"], env=env, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "station.yml" in proc.stderr and "criterion station.23: field points" in proc.stderr
    assert "Traceback" not in proc.stderr
