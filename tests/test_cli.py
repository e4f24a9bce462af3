"""The ``shangmi`` command line: exit codes, output formats and readable errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
import yaml

from app.cli import main
from bot.rubric import load_rubric
from bot.scoring import score

ROOT = Path(__file__).resolve().parent.parent
RUBRICS = ROOT / "rubrics"
EXAMPLES = ROOT / "examples"
SHANGMI = ROOT / ".venv" / "bin" / "shangmi"


@pytest.fixture(autouse=True)
def _repo_rubrics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHANGMI_RUBRICS", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_readable(err: str) -> None:
    assert err.strip()
    assert "Traceback" not in err
    assert 'File "' not in err


# ── rubric ─────────────────────────────────────────────────────────────────────


def test_rubric_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rubric", "list")
    assert code == 0
    lines = out.strip().splitlines()
    assert [line.split()[0] for line in lines] == ["zone", "station", "point"]
    assert "基本项 16 项 100 分，加分项 6 项 上限 65 分" in lines[0]
    assert "基本项 28 项 100 分，加分项 6 项 上限 45 分" in lines[1]
    assert "基本项 43 项 100 分，加分项 7 项 上限 35 分" in lines[2]


def test_rubric_show_point_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rubric", "show", "point", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"unit_type", "title", "version", "criteria"} <= set(data)
    assert (data["unit_type"], data["title"], data["version"]) == ("point", "区级商业秘密保护示范点验收表", "2023")
    base = [c for c in data["criteria"] if not c["bonus"]]
    bonus = [c for c in data["criteria"] if c["bonus"]]
    assert (len(base), len(bonus)) == (43, 7)
    assert sum(c["points"] for c in base) == 100
    assert sum(c["points"] for c in bonus) == 35
    for c in data["criteria"]:
        assert {"id", "indicator", "content", "standard", "points", "bonus", "rule"} <= set(c)
        assert isinstance(c["points"], int)
        assert "kind" in c["rule"]
    p42 = next(c for c in data["criteria"] if c["id"] == "point.42")
    assert p42["rule"]["kind"] == "threshold" and p42["rule"]["minimum"] == 2


def test_rubric_show_chinese_alias(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rubric", "show", "示范站")
    assert code == 0
    assert out.startswith("区级商业秘密保护示范站验收表（2023 版，松市监竞争〔2023〕33号 附件3）")
    assert "【对外服务】" in out and "【加分项】" in out
    assert "station.24" in out and "station.B4" in out
    assert "超总数的30%以上" in out


def test_rubric_show_unknown_type(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["rubric", "show", "示范市"])
    assert info.value.code == 2
    assert "unknown unit type" in capsys.readouterr().err


def test_rubric_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rubric", "check")
    assert code == 0
    assert out.count(": OK（") == 3
    assert err == ""


def test_rubric_check_corrupted_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = yaml.load((RUBRICS / "point.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    row = next(c for c in raw["criteria"] if c["id"] == "point.7")
    del row["question"]
    bad = tmp_path / "point.yml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    good = tmp_path / "zone.yml"
    good.write_text((RUBRICS / "zone.yml").read_text(encoding="utf-8"), encoding="utf-8")

    code, out, err = run(capsys, "rubric", "check", str(good), str(bad))
    assert code == 2
    assert f"{good}: OK" in out
    assert_readable(err)
    assert err.strip() == f"{bad}: criterion point.7: field question: is required but missing"


def test_rubric_check_invalid_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "zone.yml"
    bad.write_text("unit_type: zone\ncriteria: [\n", encoding="utf-8")
    code, _, err = run(capsys, "rubric", "check", str(bad))
    assert code == 2
    assert_readable(err)
    assert str(bad) in err and "invalid YAML" in err


def test_broken_rubric_dir_for_score(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "zone.yml").write_text("unit_type: zone\n", encoding="utf-8")
    monkeypatch.setenv("SHANGMI_RUBRICS", str(tmp_path))
    code, out, err = run(capsys, "score", "zone", str(EXAMPLES / "zone-sample.yml"))
    assert code == 2
    assert out == ""
    assert_readable(err)
    assert str(tmp_path / "zone.yml") in err


# ── answers template ───────────────────────────────────────────────────────────


@pytest.mark.parametrize("unit_type", ["zone", "station", "point"])
def test_answers_template_is_scorable(unit_type: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "answers", "template", unit_type)
    assert code == 0
    data = yaml.safe_load(out)
    assert set(data) == {"unit_type", "rubric_version", "unit", "answers"}
    assert data["unit_type"] == unit_type
    assert data["rubric_version"] == "2023"
    rubric = load_rubric(unit_type, RUBRICS)
    assert list(data["answers"]) == [c.id for c in rubric.criteria]
    result = score(rubric, data["answers"])
    assert (result.base, result.bonus, result.total) == (0, 0, 0)
    assert {c.status for c in result.criteria} == {"unknown"}

    # and the CLI accepts the untouched template as an answers file
    path = tmp_path / "tpl.yml"
    path.write_text(out, encoding="utf-8")
    code, out, err = run(capsys, "score", unit_type, str(path), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["total"] == 0


def test_answers_template_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "answers.yml"
    code, out, err = run(capsys, "answers", "template", "示范点", "-o", str(path))
    assert code == 0
    assert out == ""
    assert str(path) in err
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["unit_type"] == "point"


# ── score ──────────────────────────────────────────────────────────────────────


def test_score_json_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "score", "point", str(EXAMPLES / "point-sample.yml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["base"], data["bonus"], data["total"]) == (73, 12.5, 85.5)


def test_score_markdown_is_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "score", "示范区", str(EXAMPLES / "zone-sample.yml"))
    assert code == 0
    assert "- **基本项 60 / 100 分，加分项 32 / 65 分，总分 92 分**" in out


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("json", lambda text: json.loads(text)["total"] == 85.5),
        ("markdown", lambda text: "总分 85.5 分" in text),
        ("html", lambda text: text.startswith("<!doctype html>") and "<b>85.5</b>" in text),
    ],
)
def test_score_to_file(fmt: str, check, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"report.{fmt}"
    code, out, err = run(capsys, "score", "point", str(EXAMPLES / "point-sample.yml"), "--format", fmt, "-o", str(path))
    assert code == 0
    assert out == ""
    assert str(path) in err
    assert check(path.read_text(encoding="utf-8"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_score_to_file_tightens_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.md"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o644)
    code, _, _ = run(capsys, "score", "point", str(EXAMPLES / "point-sample.yml"), "-o", str(path))
    assert code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "总分 85.5 分" in path.read_text(encoding="utf-8")


def test_score_output_in_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "no-such-dir" / "report.md"
    code, _, err = run(capsys, "score", "point", str(EXAMPLES / "point-sample.yml"), "-o", str(path))
    assert code == 2
    assert_readable(err)
    assert str(path) in err


def _answers_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_score_invalid_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _answers_file(tmp_path, "unit_type: point\nanswers:\n  point.1: [true\n")
    code, out, err = run(capsys, "score", "point", str(path))
    assert code == 2
    assert out == ""
    assert_readable(err)
    assert str(path) in err and "invalid YAML" in err and "line " in err


def test_score_string_for_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _answers_file(tmp_path, "unit_type: zone\nanswers:\n  zone.12: 五百多\n  zone.1: true\n")
    code, out, err = run(capsys, "score", "zone", str(path))
    assert code == 2
    assert out == ""
    assert_readable(err)
    assert err.strip() == f"{path}: zone.12: expected a number (人次) or {{value, relation}}, got '五百多'"


def test_score_unknown_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _answers_file(tmp_path, "unit_type: point\nanswers:\n  point.44: true\n  point.B8: true\n")
    code, out, err = run(capsys, "score", "point", str(path))
    assert code == 2
    assert out == ""
    assert_readable(err)
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"{path}: point.") and "no such criterion" in line for line in lines)


def test_score_unit_type_mismatch(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "zone-sample.yml"
    code, out, err = run(capsys, "score", "point", str(path))
    assert code == 2
    assert out == ""
    assert_readable(err)
    assert str(path) in err and "'zone'" in err and "'point'" in err


def test_score_bad_unit_type_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _answers_file(tmp_path, "unit_type: 示范市\nanswers: {}\n")
    code, _, err = run(capsys, "score", "point", str(path))
    assert code == 2
    assert_readable(err)
    assert str(path) in err and "unit_type" in err


def test_score_answers_not_a_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _answers_file(tmp_path, "unit_type: point\nanswers:\n  - point.1\n")
    code, _, err = run(capsys, "score", "point", str(path))
    assert code == 2
    assert_readable(err)
    assert "'answers' must be a mapping" in err


def test_score_unknown_top_level_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _answers_file(tmp_path, "unit_type: point\nanswer:\n  point.1: true\n")
    code, _, err = run(capsys, "score", "point", str(path))
    assert code == 2
    assert_readable(err)
    assert "unknown top-level key(s): answer" in err


def test_score_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nope.yml"
    code, _, err = run(capsys, "score", "point", str(path))
    assert code == 2
    assert_readable(err)
    assert str(path) in err and "cannot read" in err


def test_score_version_mismatch_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _answers_file(tmp_path, "unit_type: point\nrubric_version: '2022'\nanswers:\n  point.1: 是\n")
    code, out, err = run(capsys, "score", "point", str(path), "--format", "json")
    assert code == 0
    assert "2022" in err and "2023" in err
    assert json.loads(out)["base"] == 3


def test_usage_error_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["score", "point", str(EXAMPLES / "point-sample.yml"), "--format", "pdf"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# ── installed console script ───────────────────────────────────────────────────


def test_console_script() -> None:
    env = {k: v for k, v in os.environ.items() if k != "SHANGMI_RUBRICS"}
    proc = subprocess.run(
        [str(SHANGMI), "rubric", "list"], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 3
    assert "区级商业秘密保护示范点验收表" in proc.stdout
    assert "Traceback" not in proc.stderr
