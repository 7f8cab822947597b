"""The Qt catalogue (``resources/translations/*.ts``): every widget text has a Polish
translation that keeps its placeholders and does not guess anybody's gender."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

SOURCES = sorted((Path(__file__).resolve().parents[2] / "resources" / "translations").glob("*.ts"))
PLACEHOLDER = re.compile(r"%(?:\d+|n)")
GENDERED = re.compile(r"\w\((?:-?a|y)\)")  # "wyłączony(-a)", "podpisał(a)"


def _messages(path: Path) -> list[tuple[str, str, str]]:
    root = ET.parse(path).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name} {name}: a message without translation"
            assert translation.get("type") not in ("unfinished", "obsolete"), (
                f"{path.name} {name}: {message.findtext('source')!r} is {translation.get('type')}"
            )
            out.append((name, message.findtext("source") or "", translation.text or ""))
    return out


def test_there_are_catalogues() -> None:
    assert len(SOURCES) >= 2


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_text_is_translated_keeping_its_placeholders(path: Path) -> None:
    for context, source, translation in _messages(path):
        where = f"{path.name} {context}: {source!r} -> {translation!r}"
        if source.strip():
            assert translation.strip(), f"no translation: {where}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            f"placeholders differ: {where}"
        )
        assert not GENDERED.search(translation), f"a form that guesses gender: {where}"
