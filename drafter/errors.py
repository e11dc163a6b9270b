"""Errors about the user's input.

A `DrafterError` is shown as one line (file, line, key, message in Chinese)
and ends the command with exit code 2. Anything else is a bug in drafter:
one line asking to report it, and exit code 70 (EX_SOFTWARE).
"""
from __future__ import annotations

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70


class DrafterError(Exception):
    """Bad input: a missing, empty, binary or malformed file, an unknown key..."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.key = key

    def __str__(self) -> str:
        where = []
        if self.path:
            where.append(str(self.path))
        if self.line is not None:
            position = f"第 {self.line} 行"
            if self.column is not None:
                position += f"第 {self.column} 列"
            where.append(position)
        prefix = " ".join(where)
        return f"{prefix}：{self.message}" if prefix else self.message


_OS_REASONS = {
    "EACCES": "没有权限", "EPERM": "没有权限", "ENOENT": "文件或目录不存在", "ENOTDIR": "路径中有一项不是目录",
    "EISDIR": "这是一个目录", "ENOSPC": "磁盘空间不足", "EDQUOT": "磁盘配额已满", "EROFS": "所在磁盘只读",
    "ENAMETOOLONG": "文件名过长", "EBUSY": "文件正被其他程序占用", "ETXTBSY": "文件正被其他程序占用",
    "EEXIST": "文件已存在", "EMFILE": "打开的文件过多", "EIO": "读写磁盘出错", "EINVAL": "文件名无效",
}


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, in Chinese (strerror is English, or in the
    system's language on Windows)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    if getattr(error, "winerror", None) == 32:  # ERROR_SHARING_VIOLATION: open in Word
        return "文件正被其他程序（如 Word）占用"
    return error.strerror or type(error).__name__
