"""`gradbook families`: every problem family, its chapter and parameters."""

from gradbook.practice.catalog import families


def run(args) -> str:
    found = families()
    width = max(map(len, found))
    lines = []
    for name, family in found.items():
        params = ", ".join(family.params)
        lines.append(f"{name:<{width}}  {family.chapter:<18}  {{{params}}}  {family.title}")
    return "\n".join(lines)
