"""Numbered things (chapters, figures, tables, problems, listings, exercises
and their answers, and the audit's claims, which keep their ids) and the
references to them.

A chapter's template numbers what it shows in the order it shows it, and
writes a placeholder wherever it refers to something. Once every chapter is
rendered, the placeholders are replaced, as a link whose form depends on the
output: HTML links across pages, the PDF within one document. So a reference
may point forward, or into another chapter, and reads the same in both.
"""

import re
from dataclasses import dataclass

from gradbook.errors import UsageError

KINDS = {"fig": "Figure", "tab": "Table", "prob": "Problem", "lst": "Listing", "ex": "Exercise", "ans": "Answer",
         "ch": "Chapter", "app": "Appendix", "claim": "Claim"}
_PLACEHOLDER = re.compile(r"⟦ref:([a-z]+):([A-Za-z0-9-]+)⟧")


@dataclass(frozen=True)
class Label:
    kind: str
    name: str
    number: str
    page: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.name}"

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.name}"

    @property
    def text(self) -> str:
        return f"{KINDS[self.kind]} {self.number}"


class Numbering:
    """Hands out the numbers within one chapter: Figure 3.1, Figure 3.2, …"""

    def __init__(self, prefix: str, page: str):
        self.prefix, self.page = prefix, page
        self.labels: list[Label] = []

    def chapter(self, slug: str, number: int) -> Label:
        """The label of the chapter itself: Chapter 3."""
        return self._add(Label("ch", slug, str(number), self.page))

    def appendix(self, slug: str, letter: str) -> Label:
        """The label of an appendix: Appendix D."""
        return self._add(Label("app", slug, letter, self.page))

    def next(self, kind: str, name: str) -> Label:
        if kind not in KINDS or kind in ("ch", "app", "claim", "ans"):
            raise ValueError(f"unknown label kind {kind!r}")
        count = sum(1 for label in self.labels if label.kind == kind) + 1
        return self._add(Label(kind, name, f"{self.prefix}.{count}", self.page))

    def claim(self, claim_id: str) -> Label:
        """An audit entry, which keeps its own id as its number: Claim 003-02."""
        return self._add(Label("claim", claim_id, claim_id, self.page))

    def _add(self, label: Label) -> Label:
        if any(known.key == label.key for known in self.labels):
            raise ValueError(f"{KINDS[label.kind].lower()} {label.name!r} is shown twice")
        self.labels.append(label)
        return label


def placeholder(key: str) -> str:
    """What a template writes for a reference before the numbers are known."""
    if ":" not in key or key.split(":", 1)[0] not in KINDS:
        raise ValueError(f"a reference looks like 'fig:name' (kinds: {', '.join(KINDS)}), got {key!r}")
    return f"⟦ref:{key}⟧"


def resolve(markdown: str, labels: dict[str, Label], page: str | None, where: str) -> str:
    """`markdown` with every reference replaced by a link.

    `page` is the HTML page being written (links to other pages name the
    file), or None for the single-document PDF.
    """
    def link(match: re.Match) -> str:
        key = f"{match[1]}:{match[2]}"
        if key not in labels:
            raise UsageError(f"{where}: reference to {key!r}, which no chapter shows")
        label = labels[key]
        target = f"#{label.anchor}" if page is None or label.page == page else f"{label.page}#{label.anchor}"
        if label.kind == "ch" and page is not None:
            target = label.page
        return f"[{label.text}]({target})"

    return _PLACEHOLDER.sub(link, markdown)
