"""`gradbook derive`: list the derivations, or show one."""

import derive
from derive import CrossCheckError, ParameterError, VerificationError

from gradbook import present
from gradbook.errors import CheckFailed, UsageError


def parse_params(pairs: list[str]) -> dict[str, str]:
    """NAME=VALUE strings as a dict of raw text; derive parses the values."""
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise UsageError(f"--param wants NAME=VALUE, got {pair!r}")
        if name.strip() in params:
            raise UsageError(f"--param {name.strip()} is given twice")
        params[name.strip()] = value.strip()
    return params


def run(args) -> str:
    if args.list:
        if args.name or args.param:
            raise UsageError("--list takes no derivation name or parameters")
        return present.catalog_listing(derive.REGISTRY.values())
    if not args.name:
        raise UsageError("name a derivation, or use --list to see them")
    params = parse_params(args.param)
    try:
        result = derive.derive(args.name, **params)
    except ParameterError as exc:
        raise UsageError(str(exc)) from None
    except (VerificationError, CrossCheckError) as exc:
        raise CheckFailed(f"{args.name} failed its own check: {exc}") from None
    return present.FORMATS[args.format](result)
