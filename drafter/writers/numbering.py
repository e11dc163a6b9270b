"""Markers generated from structure: 一、 （一） 1. （1） and 一是 二是 ….

Writers never reuse the marker a reader found; they number each heading by
its level and its place among its siblings.
"""
from __future__ import annotations

from drafter.outline.markers import int_to_cn


def _chinese(number: int) -> str:
    return int_to_cn(number)


def heading_marker(level: int, number: int) -> str:
    """heading_marker(1, 3) → 三、  (2, 3) → （三）  (3, 3) → 3.  (4, 3) → （3）"""
    if number < 1:
        raise ValueError(f"heading number must be positive, got {number}")
    if level == 1:
        return f"{_chinese(number)}、"
    if level == 2:
        return f"（{_chinese(number)}）"
    if level == 3:
        return f"{number}."
    if level == 4:
        return f"（{number}）"
    raise ValueError(f"heading level must be 1-4, got {level}")


def item_prefix(number: int) -> str:
    """item_prefix(1) → 一是, item_prefix(12) → 十二是, item_prefix(20) → 二十是"""
    if number < 1:
        raise ValueError(f"item number must be positive, got {number}")
    return f"{_chinese(number)}是"
