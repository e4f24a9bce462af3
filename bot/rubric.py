"""Rubric models: the three acceptance tables (附件2–4) as validated data.

The YAML files under ``rubrics/`` are the source of truth; officers edit them
when the bureau adjusts indicators, so every load is validated and every
problem is reported as one readable line naming file, criterion and field.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

UnitType = Literal["zone", "station", "point"]
UNIT_TYPES: tuple[UnitType, ...] = ("zone", "station", "point")
UNIT_TYPE_ALIASES: dict[str, UnitType] = {
    "zone": "zone",
    "示范区": "zone",
    "园区": "zone",
    "station": "station",
    "示范站": "station",
    "point": "point",
    "示范点": "point",
    "企业": "point",
}
TIER_NONE = "none"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BooleanRule(_Strict):
    """Met / not met; "partial" earns ``scoring.partial_ratio`` of the points."""

    kind: Literal["boolean"] = "boolean"


class ThresholdRule(_Strict):
    """A number compared with a minimum stated in the standard (不少于 N / 超 N%)."""

    kind: Literal["threshold"]
    minimum: float = Field(ge=0)
    strict: bool = False  # True for "超 N%" (must exceed), False for "不少于 N"
    unit: str
    label: str


class Condition(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    minimum: float = Field(ge=0)
    strict: bool = False
    unit: str
    question: str = Field(min_length=1)  # the follow-up question when this figure is missing
    # words that name this figure in a sentence ("培训过四十家" -> trained); for a share (unit %),
    # a count named by these words is divided by the group's ``total_cues`` count
    cues: list[str] = Field(min_length=1)


class ConditionGroup(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    conditions: list[Condition] = Field(min_length=1)
    words: list[str] = Field(min_length=1)  # how a unit of this kind names itself (协会, 律所 …)
    total_cues: list[str] = Field(default_factory=list)  # the base of shares: 会员, 成员单位, 一共
    total_question: str | None = None  # asked when counts were given without the total

    @model_validator(mode="after")
    def _total(self) -> ConditionGroup:
        if any(c.unit == "%" for c in self.conditions) and not (self.total_cues and self.total_question):
            raise ValueError("a group with shares (unit %) needs total_cues and total_question")
        return self


class AlternativesRule(_Strict):
    """Met when every condition of at least one group is met (e.g. 协会 or 律所 paths)."""

    kind: Literal["alternatives"]
    groups: list[ConditionGroup] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique_keys(self) -> AlternativesRule:
        keys = [c.key for g in self.groups for c in g.conditions]
        if len(keys) != len(set(keys)):
            raise ValueError("condition keys must be unique across groups")
        return self


class PerCountRule(_Strict):
    """``per`` points for each counted item, capped (每一起加5分，累计不超过15分)."""

    kind: Literal["per_count"]
    per: float = Field(gt=0)
    cap: float = Field(gt=0)
    unit: str
    label: str


class CountPart(_Strict):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    per: float = Field(gt=0)
    cap: float = Field(gt=0)
    baseline: int = Field(ge=0)  # counts up to the baseline earn nothing ("每多一")
    unit: str
    words: list[str] = Field(min_length=1)  # measure words after the count (类, 种 / 家, 个)
    cues: list[str] = Field(default_factory=list)  # words before a bare count that name it (类型：4 / 数量：9)
    question: str = Field(min_length=1)  # the follow-up question when this count is missing
    # named kinds (法律: [律所, 律师]) that may be listed instead of counted; the count of
    # kinds named is the count of this part
    kinds: dict[str, list[str]] = Field(default_factory=dict)


class TwoPartRule(_Strict):
    """Independent per-count parts with their own caps (机构类型 + 机构数量)."""

    kind: Literal["two_part"]
    parts: list[CountPart] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique_keys(self) -> TwoPartRule:
        keys = [p.key for p in self.parts]
        if len(keys) != len(set(keys)):
            raise ValueError("part keys must be unique")
        return self


class Tier(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    points: float = Field(gt=0)
    words: list[str] = Field(min_length=1)  # how people name the scope (全国, 国内 / 全市, 上海 …)
    rank: int = Field(gt=0)  # the rank the tier allows (前10名 -> 10)

    @model_validator(mode="after")
    def _rank_in_label(self) -> Tier:
        m = re.search(r"前\s*(\d+)", self.label)
        if m and int(m.group(1)) != self.rank:
            raise ValueError(f"rank ({self.rank}) must match the label '{self.label}'")
        return self


class TierRule(_Strict):
    """The highest tier that applies earns its points (全国前10 / 全市前15 / 全区前10)."""

    kind: Literal["tier"]
    tiers: list[Tier] = Field(min_length=1)

    @model_validator(mode="after")
    def _names(self) -> TierRule:
        names = [t.name for t in self.tiers]
        if len(names) != len(set(names)) or TIER_NONE in names:
            raise ValueError(f"tier names must be unique and not '{TIER_NONE}'")
        return self


Rule = Annotated[
    BooleanRule | ThresholdRule | AlternativesRule | PerCountRule | TwoPartRule | TierRule,
    Field(discriminator="kind"),
]

EXPECTS: dict[str, str] = {
    "boolean": "boolean",
    "threshold": "number",
    "per_count": "number",
    "alternatives": "counts",
    "two_part": "counts",
    "tier": "tier",
}


class Criterion(_Strict):
    """One row of an acceptance table, plus the plain-language material around it."""

    id: str
    indicator: str = Field(min_length=1)  # 评价指标
    content: str = ""  # 评价内容 (empty where the table leaves it empty)
    standard: str = Field(min_length=1)  # 评价标准, verbatim from the notice
    points: float = Field(gt=0)  # 分值
    bonus: bool = False
    rule: Rule = Field(default_factory=BooleanRule)
    # "absence": the standard is met when something did NOT happen (未发生…事件), so the
    # chat asks "有没有发生过" and reads 没有 as met; answers files still use true = met.
    polarity: Literal["presence", "absence"] = "presence"
    short: str = Field(min_length=1)  # short name used in chat ("修改竞业限制那题") and reports
    question: str = Field(min_length=1)
    explain: str = Field(min_length=1)
    measures: list[str] = Field(min_length=1)
    evidence: list[str] = Field(min_length=1)
    remediation: list[str] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)
    # what meets the standard on its own, so that "只有…" naming it is a yes, not a partial
    # (the standard asks for 专(兼)职人员: "只有兼职的" meets it)
    accepts: list[str] = Field(default_factory=list)
    # what says a requirement of the standard is not met, so that a yes mentioning it is partial
    # (专职人员要求大专以上学历: "有专职的，高中学历" is partial)
    shortfalls: list[str] = Field(default_factory=list)
    shortfall_scope: list[str] = Field(default_factory=list)  # the shortfalls apply only next to these words
    # what the standard only recommends (宜…): a reply saying it is missing is not a partial
    optional: list[str] = Field(default_factory=list)
    # what a figure said beside the answer may count instead (开会 / 培训 beside 内部检查, 报名 beside 受众):
    # a clause naming one of these and none of the keywords is left out when another clause gives a figure
    other_figures: list[str] = Field(default_factory=list)

    @property
    def expects(self) -> str:
        return EXPECTS[self.rule.kind]

    @property
    def max_points(self) -> float:
        return self.points

    @model_validator(mode="after")
    def _rule_matches_points(self) -> Criterion:
        rule = self.rule
        if isinstance(rule, PerCountRule) and rule.cap != self.points:
            raise ValueError(f"rule.cap ({rule.cap:g}) must equal points ({self.points:g})")
        if isinstance(rule, TwoPartRule):
            total = sum(p.cap for p in rule.parts)
            if total != self.points:
                raise ValueError(f"sum of part caps ({total:g}) must equal points ({self.points:g})")
        if isinstance(rule, TierRule):
            top = max(t.points for t in rule.tiers)
            if top != self.points:
                raise ValueError(f"highest tier ({top:g}) must equal points ({self.points:g})")
        return self


class Indicator(_Strict):
    name: str = Field(min_length=1)
    intro: str = Field(min_length=1)


class FormField(_Strict):
    """A field of the 申报表 (附件1) the chat asks before the criteria, and the unit page shows."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    question: str = Field(min_length=1)
    explain: str = Field(min_length=1)
    kind: Literal["text", "postcode", "phone", "count"] = "text"


class Scoring(_Strict):
    partial_ratio: float = Field(ge=0, le=1)
    notes: str = Field(min_length=1)


class Rubric(_Strict):
    """One acceptance table; ``version`` is recorded in every assessment."""

    schema_version: Literal[1] = 1
    unit_type: UnitType
    unit_label: str
    title: str
    source: str
    version: str = Field(min_length=1)
    campaign: str = Field(min_length=1)
    base_max: float
    bonus_max: float
    scoring: Scoring
    # 附件1 申报表: the first field is the unit's name
    form: list[FormField] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)
    criteria: list[Criterion] = Field(min_length=1)

    @field_validator("criteria")
    @classmethod
    def _unique_ids(cls, criteria: list[Criterion]) -> list[Criterion]:
        seen: set[str] = set()
        for c in criteria:
            if c.id in seen:
                raise _CriterionError(c.id, "id", "duplicate id (ids must be unique)")
            seen.add(c.id)
        return criteria

    @model_validator(mode="after")
    def _consistent(self) -> Rubric:
        keys = [f.key for f in self.form]
        if len(keys) != len(set(keys)) or keys[0] != "name":
            raise ValueError("form: keys must be unique and the first field must be 'name'")
        names = {i.name for i in self.indicators}
        base_n = bonus_n = 0
        for c in self.criteria:
            if c.indicator not in names:
                raise _CriterionError(c.id, "indicator", f"'{c.indicator}' is not declared under indicators")
            if c.bonus:
                bonus_n += 1
                expected = f"{self.unit_type}.B{bonus_n}"
            else:
                if bonus_n:
                    raise _CriterionError(c.id, "bonus", "base rows must come before bonus rows")
                base_n += 1
                expected = f"{self.unit_type}.{base_n}"
            if c.id != expected:
                raise _CriterionError(c.id, "id", f"expected '{expected}' (ids follow table order)")
        base = sum(c.points for c in self.criteria if not c.bonus)
        bonus = sum(c.points for c in self.criteria if c.bonus)
        if base != self.base_max:
            raise ValueError(f"base_max: base rows sum to {base:g}, file says {self.base_max:g}")
        if bonus != self.bonus_max:
            raise ValueError(f"bonus_max: bonus rows sum to {bonus:g}, file says {self.bonus_max:g}")
        return self

    @property
    def base_criteria(self) -> list[Criterion]:
        return [c for c in self.criteria if not c.bonus]

    @property
    def bonus_criteria(self) -> list[Criterion]:
        return [c for c in self.criteria if c.bonus]

    def get(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def intro(self, indicator: str) -> str:
        return next(i.intro for i in self.indicators if i.name == indicator)


class _CriterionError(ValueError):
    """Raised inside validators so the error can name the criterion, not a list index."""

    def __init__(self, criterion_id: str, field: str, message: str) -> None:
        super().__init__(f"{criterion_id}: {field}: {message}")


class RubricError(Exception):
    """A rubric file that cannot be used; ``str()`` is one line per problem, for humans."""

    def __init__(self, path: Path | str, problems: Iterable[str]) -> None:
        self.path = str(path)
        self.problems = list(problems)
        super().__init__("\n".join(f"{self.path}: {p}" for p in self.problems))


def _locate(raw: Any, loc: tuple[str | int, ...]) -> str:
    """Turn a pydantic location into 'criterion <id>: field <a.b>' using the raw data."""
    if len(loc) >= 2 and loc[0] == "criteria" and isinstance(loc[1], int):
        crit = raw.get("criteria", [])[loc[1]] if isinstance(raw, dict) else None
        cid = crit.get("id") if isinstance(crit, dict) else None
        name = f"criterion {cid}" if cid else f"criterion #{loc[1] + 1}"
        rest = ".".join(str(p) for p in loc[2:] if not (isinstance(p, str) and p in _RULE_KINDS))
        return f"{name}: field {rest or '(row)'}"
    field = ".".join(str(p) for p in loc)
    return f"field {field or '(file)'}"


_RULE_KINDS = set(EXPECTS)
_TOP_FIELD = re.compile(r"^(?P<field>[a-z_]+): (?P<msg>.*)$", re.S)
_NAMED = re.compile(r"^(?P<id>[a-z]+\.B?\d+): (?P<field>[a-z_.]+): (?P<msg>.*)$", re.S)


def parse_rubric(raw: Any, path: Path | str = "<memory>") -> Rubric:
    if not isinstance(raw, dict):
        raise RubricError(path, ["field (file): the file must be a YAML mapping"])
    try:
        return Rubric.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            msg = str(err["msg"]).removeprefix("Value error, ")
            if err["loc"] and err["type"] == "missing":
                msg = "is required but missing"
            named = _NAMED.match(msg)
            top = _TOP_FIELD.match(msg)
            if named and tuple(err["loc"]) in ((), ("criteria",)):
                problems.append(f"criterion {named['id']}: field {named['field']}: {named['msg']}")
            elif top and not err["loc"]:
                problems.append(f"field {top['field']}: {top['msg']}")
            else:
                problems.append(f"{_locate(raw, tuple(err['loc']))}: {msg}")
        raise RubricError(path, problems) from None


def load_rubric_file(path: Path | str) -> Rubric:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RubricError(path, [f"cannot read file: {exc.strerror}"]) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise RubricError(path, [f"{where}invalid YAML ({getattr(exc, 'problem', exc)})"]) from None
    return parse_rubric(raw, path)


def rubrics_dir() -> Path:
    """``$SHANGMI_RUBRICS`` or the repository's ``rubrics/`` folder."""
    env = os.environ.get("SHANGMI_RUBRICS")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "rubrics"


def normalize_unit_type(name: str) -> UnitType:
    key = name.strip().lower()
    if key in UNIT_TYPE_ALIASES:
        return UNIT_TYPE_ALIASES[key]
    raise ValueError(f"unknown unit type '{name}' (zone | station | point | 示范区 | 示范站 | 示范点)")


def load_rubric(unit_type: str, directory: Path | None = None) -> Rubric:
    ut = normalize_unit_type(unit_type)
    path = (directory or rubrics_dir()) / f"{ut}.yml"
    rubric = load_rubric_file(path)
    if rubric.unit_type != ut:
        raise RubricError(path, [f"field unit_type: file says '{rubric.unit_type}', expected '{ut}'"])
    return rubric
