"""Errors of the use-case layer; their messages are what a user may be shown (Chinese)."""

from __future__ import annotations


class ServiceError(Exception):
    """A refusal with a message for the user."""

    message = "操作失败"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)
        self.message = message or self.message


class Forbidden(ServiceError):
    message = "没有权限查看或修改这项内容。"


class NotFound(ServiceError):
    message = "找不到这项内容。"


class Invalid(ServiceError):
    message = "输入有误。"


class TooManyAttempts(ServiceError):
    message = "登录尝试次数过多，请 15 分钟后再试。"
