"""`gradbook families`: every problem family, its chapter and parameters."""

from gradbook.practice.families import FAMILIES


def run(args) -> str:
    width = max(map(len, FAMILIES))
    lines = []
    for name, family in FAMILIES.items():
        params = ", ".join(family.params)
        lines.append(f"{name:<{width}}  {family.chapter:<18}  {{{params}}}  {family.title}")
    return "\n".join(lines)
