"""How people answer: phrasings written apart from the NLU training data."""

from __future__ import annotations

import pytest

from bot.understanding import (
    clean_phone,
    clean_postcode,
    detect_unit_type,
    interpret_boolean,
    parse_counts,
    parse_number,
    parse_question_number,
    parse_tier,
)

TIERS = [("national", 10), ("city", 15), ("district", 10)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有", "yes"),
        ("是的", "yes"),
        ("已经签了", "yes"),
        ("都做了", "yes"),
        ("没问题，都有", "yes"),
        ("嗯", "yes"),
        ("没有", "no"),
        ("还没", "no"),
        ("暂时没做", "no"),
        ("无", "no"),
        ("部分", "partial"),
        ("只有核心员工签了", "partial"),
        ("有些部门做了", "partial"),
        ("正在建设中", "partial"),
        ("不清楚", "unknown"),
        ("要问一下", "unknown"),
        ("我得问问法务", "unknown"),
    ],
)
def test_boolean_phrasings(text: str, expected: str) -> None:
    assert interpret_boolean(text) == expected


def test_free_sentence_is_matched_against_the_criterion_keywords() -> None:
    kw = ["保密协议", "保密合同"]
    assert interpret_boolean("我们和所有涉密岗位员工都签了保密协议", None, kw) == "yes"
    assert interpret_boolean("保密协议还没有开始签", None, kw) == "no"
    assert interpret_boolean("研发部门签了保密协议，销售部门还没签保密合同", None, kw) == "partial"


def test_noise_is_not_an_answer_but_the_intent_hint_is_used() -> None:
    assert interpret_boolean("嗯嗯嗯哈哈哈哈哈哈") is None
    assert interpret_boolean("啊吧啊吧") is None
    assert interpret_boolean("啊吧啊吧", "affirm") == "yes"


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("两次", "次", 2),
        ("一年两次", "次", 2),
        ("每年3次", "次", 3),
        ("三家", "家", 3),
        ("十来家", "家", 10),
        ("五百多人次", "人次", 500),
        ("大概一千二百人次", "人次", 1200),
        ("百分之四十", "%", 40),
        ("40%", "%", 40),
        ("35％", "%", 35),
        ("两三次", "次", 2),
        ("零", "次", 0),
        ("有6家", "家", 6),
    ],
)
def test_numbers(text: str, unit: str, expected: float) -> None:
    assert parse_number(text, unit) == expected


def test_no_number() -> None:
    assert parse_number("不太记得", "次") is None


def test_counts_by_unit() -> None:
    units = {"types": ("类", "种"), "units": ("家", "个")}
    assert parse_counts("三类五家", units) == {"types": 3, "units": 5}
    assert parse_counts("有两种", units) == {"types": 2}
    assert parse_counts("共7家", units) == {"units": 7}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全国前十", "national"),
        ("上海排前15", "city"),
        ("在松江区排第三", "district"),
        ("全区前十", "district"),
        ("都不是", "none"),
        ("全国前二十", None),
    ],
)
def test_tiers(text: str, expected: str | None) -> None:
    assert parse_tier(text, TIERS) == expected


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
    assert clean_postcode("20160") is None
    assert clean_phone("021-57771234") == "021-57771234"
    assert clean_phone("138 1234 5678") == "13812345678"
    assert clean_phone("+86 13812345678") == "13812345678"
    assert clean_phone("12345") is None


def test_question_numbers() -> None:
    assert parse_question_number("修改第十二题") == 12
    assert parse_question_number("改一下第3项") == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新员工都签了，老员工还没补签", "partial"),
        ("有，但只覆盖研发部", "partial"),
        ("没有，但是计划下个月做", "no"),
        ("我们每年组织两次保密培训，有签到表", "yes"),
    ],
)
def test_mixed_sentences(text: str, expected: str) -> None:
    assert interpret_boolean(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("有的", "yes"), ("有的呀", "yes"), ("有的部门有", "partial"), ("有的岗位签了，有的没签", "partial")],
)
def test_youde(text: str, expected: str) -> None:
    assert interpret_boolean(text) == expected


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("每季度一次", "次", 4),
        ("一季度一次", "次", 4),
        ("半年一次", "次", 2),
        ("每个月都查一次", "次", 12),
        ("每月两次", "次", 24),
        ("一年两次", "次", 2),
        ("一个月前做过一次", "次", 1),
        ("四成", "%", 40),
        ("大概一半", "%", 50),
        ("百分之四十", "%", 40),
    ],
)
def test_frequencies_and_shares(text: str, unit: str, expected: float) -> None:
    assert parse_number(text, unit) == expected
