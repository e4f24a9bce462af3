"""商秘自评助手 core: rubric models, scoring, gap reports, the dialogue engine (pure), storage."""

__version__ = "0.1.0"
