"""Reading what is not an answer: unit type, form fields, question numbers."""

from __future__ import annotations

import pytest

from bot.understanding import clean_phone, clean_postcode, count_in, detect_unit_type, parse_question_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们是一家做芯片的企业", "point"),
        ("我们是律师事务所", "station"),
        ("行业协会", "station"),
        ("我们是科技园区", "zone"),
        ("孵化器", "zone"),
        ("随便问问", None),
    ],
)
def test_unit_type(text: str, expected: str | None) -> None:
    assert detect_unit_type(text) == expected


def test_form_validation() -> None:
    assert clean_postcode("201600") == "201600"
    assert clean_postcode("２０１６００") == "201600"
    assert clean_postcode("20160") is None
    assert clean_phone("021-57771234") == "021-57771234"
    assert clean_phone("138 1234 5678") == "13812345678"
    assert clean_phone("+86 13812345678") == "13812345678"
    assert clean_phone("12345") is None


def test_question_numbers() -> None:
    assert parse_question_number("修改第十二题") == 12
    assert parse_question_number("改一下第3项") == 3
    assert parse_question_number("修改竞业限制那题") is None


def test_counts_for_form_fields() -> None:
    assert count_in("一百二十家") == 120
    assert count_in("大概两百家左右") == 200
    assert count_in("不清楚") is None


def test_a_rank_said_with_是_is_no_question_number() -> None:
    assert parse_question_number("排名那个，其实市里没见过正式排名，区里年度考核我们是第二") is None
    assert parse_question_number("要改的是第2题") == 2


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("检查那个改成两次", None),
        ("检查那题改成1次", None),
        ("改3家", None),
        ("更正3次", None),
        ("修改3", 3),
        ("改 12 题", 12),
    ],
)
def test_a_figure_with_its_measure_word_is_no_question_number(text: str, n: int | None) -> None:
    assert parse_question_number(text) == n


@pytest.mark.parametrize("text", ["排名那题改成全区前十，区经委的考核我们第九", "我们第二", "在榜单第12"])
def test_a_rank_after_we_is_no_question_number(text: str) -> None:
    assert parse_question_number(text) is None
