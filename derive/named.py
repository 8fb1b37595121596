"""The named derivations, looked up by name: `derive(name, c="0.1")` parses
each parameter from text or takes it as a value, fills in defaults, and
returns the (cached) Derivation. Importing this module registers every
derivation in derive/derivations/, so what uses it depends on all of them.
"""

from derive import derivations  # noqa: F401  (registers every derivation)
from derive.errors import ParameterError
from derive.registry import REGISTRY, Entry


def names() -> list[str]:
    return list(REGISTRY)


def entry(name: str) -> Entry:
    try:
        return REGISTRY[name]
    except KeyError:
        raise ParameterError(
            f"unknown derivation {name!r} (gradbook derive --list shows the names)") from None


def derive(name: str, **given):
    """The Derivation `name`, with parameters given as text or values."""
    spec = entry(name)
    known = {p.name: p for p in spec.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        takes = ", ".join(known) or "no parameters"
        raise ParameterError(f"{name} has no parameter {unknown[0]!r} (it takes: {takes})")
    values = {}
    for param in spec.params:
        raw = given.get(param.name, param.default)
        try:
            values[param.name] = param.parse(raw)
        except ParameterError as exc:
            raise ParameterError(f"{name}: parameter {param.name}: {exc}") from None
    return spec.build(**values)
