"""What the build cache stores, as data: a value turned into a JSON-able tree
plus raw byte blobs, and back, for a closed set of types.

The types: None, bool, int, float, str, bytes, list, tuple, dict, PosixPath,
mpmath's mpf, sympy expressions, and dataclasses defined in derive or
gradbook. Decoding runs no code the entry names: there is no pickle, no eval
and no parsing of expression text. A sympy class is found only among the
loaded subclasses of sympy.Basic defined in sympy or derive, and a node is
rebuilt from its decoded arguments with evaluation off and must hold exactly
those arguments, so `2/784` stays `2/784`. A dataclass is rebuilt field by field, without calling its __init__, from
exactly the fields it declares. Anything else is a `CodecError`.
"""

import dataclasses
import sys
from pathlib import PosixPath

import mpmath
import sympy
from mpmath import libmp
from sympy.core.assumptions import _assume_defined
from sympy.core.function import AppliedUndef
from sympy.core.parameters import evaluate
from sympy.core.singleton import Singleton

_SPECIAL_MPF = {libmp.fzero, libmp.fnzero, libmp.finf, libmp.fninf, libmp.fnan}
_SYMPY_MODULES = ("sympy.", "derive.")
_DATACLASS_MODULES = ("derive.", "gradbook.")


class CodecError(ValueError):
    """A value of a type the cache does not hold, or data that is not an entry's value."""


def encode(value) -> tuple[object, list[bytes]]:
    """The tree and the blobs that stand for `value`."""
    blobs = []
    return _encode(value, blobs), blobs


def decode(tree, blobs: list[bytes]):
    """The value `tree` stands for; its bytes are `blobs`."""
    try:
        return _decode(tree, blobs)
    except CodecError:
        raise
    except Exception as exc:  # a constructor refusing forged arguments, a tree nested too deep
        raise CodecError(f"{type(exc).__name__}: {exc}") from None


def _encode(value, blobs: list[bytes]):
    kind = type(value)
    if value is None or kind in (bool, int, str):
        return value
    if kind is float:
        return {"float": repr(value)}
    if kind is bytes:
        blobs.append(value)
        return {"bytes": len(blobs) - 1}
    if kind is list:
        return [_encode(item, blobs) for item in value]
    if kind is tuple:
        return {"tuple": [_encode(item, blobs) for item in value]}
    if kind is dict:
        return {"dict": [[_encode(k, blobs), _encode(v, blobs)] for k, v in value.items()]}
    if kind is PosixPath:
        return {"path": str(value)}
    if kind is mpmath.mpf:
        return {"mpf": [int(item) for item in value._mpf_]}
    if isinstance(value, sympy.Basic):
        return _encode_sympy(value)
    if dataclasses.is_dataclass(value) and _dataclass_class(_name(kind)) is kind:
        return _encode_dataclass(value, blobs)
    raise CodecError(f"the build cache does not hold a {kind.__module__}.{kind.__qualname__}")


def _encode_sympy(value: sympy.Basic):
    kind = type(value)
    if isinstance(kind, Singleton):
        return {"singleton": kind.__name__}
    if kind is sympy.Integer:
        return {"Integer": int(value.p)}
    if kind is sympy.Rational:
        return {"Rational": [int(value.p), int(value.q)]}
    if kind is sympy.Float:
        return {"Float": [[int(item) for item in value._mpf_], value._prec]}
    if kind is sympy.Symbol:
        return {"Symbol": [value.name, _assumptions(value._assumptions_orig)]}
    args = [_encode_sympy(arg) if isinstance(arg, sympy.Basic) else _refuse(arg) for arg in value.args]
    if isinstance(value, AppliedUndef) and kind.__bases__ == (AppliedUndef,):
        return {"function": [kind.name, _assumptions(kind._kwargs), args]}
    if value.is_Atom or _sympy_class(_name(kind)) is not kind:
        raise CodecError(f"the build cache does not hold the sympy class {_name(kind)}")
    return {"node": [_name(kind), args]}


def _encode_dataclass(value, blobs: list[bytes]):
    declared = [f.name for f in dataclasses.fields(value)]
    if hasattr(value, "__dict__") and set(vars(value)) != set(declared):
        raise CodecError(f"a {_name(type(value))} holding attributes besides its fields")
    return {"dataclass": [_name(type(value)), {name: _encode(getattr(value, name), blobs) for name in declared}]}


def _refuse(arg):
    raise CodecError(f"a sympy expression with a {type(arg).__name__} among its arguments")


def _decode(tree, blobs: list[bytes]):
    if tree is None or type(tree) in (bool, int, str):
        return tree
    if type(tree) is list:
        return [_decode(item, blobs) for item in tree]
    if type(tree) is not dict or len(tree) != 1:
        raise CodecError(f"not a value: {str(tree)[:80]}")
    (tag, data), = tree.items()
    if tag not in _DECODERS:
        raise CodecError(f"unknown tag {tag!r}")
    return _DECODERS[tag](data, blobs)


def _float(data, blobs) -> float:
    return float(_checked(data, str))


def _bytes(data, blobs) -> bytes:
    index = _checked(data, int)
    if not 0 <= index < len(blobs):
        raise CodecError(f"no blob {index}")
    return blobs[index]


def _tuple(data, blobs) -> tuple:
    return tuple(_decode(item, blobs) for item in _checked(data, list))


def _dict(data, blobs) -> dict:
    pairs = [_items(pair, 2) for pair in _checked(data, list)]
    return {_decode(k, blobs): _decode(v, blobs) for k, v in pairs}


def _path(data, blobs) -> PosixPath:
    return PosixPath(_checked(data, str))


def _mpf(data, blobs) -> mpmath.mpf:
    return mpmath.mp.make_mpf(_mpf_tuple(data))


def _mpf_tuple(data) -> tuple:
    """mpmath's (sign, mantissa, exponent, bitcount), accepted only in normal
    form, so the number is exactly the one written and carries no rounding."""
    sign, man, exp, bc = _ints(data, 4)
    raw = (sign, libmp.MPZ(man), exp, bc)
    if raw in _SPECIAL_MPF or (sign in (0, 1) and man > 0 and man % 2 == 1 and bc == man.bit_length()):
        return raw
    raise CodecError(f"not a normalized mpf: {data}")


def _singleton(data, blobs) -> sympy.Basic:
    name = _checked(data, str)
    found = getattr(sympy.S, name, None)
    if not isinstance(type(found), Singleton) or type(found).__name__ != name:
        raise CodecError(f"no sympy singleton {name!r}")
    return found


def _integer(data, blobs) -> sympy.Integer:
    return sympy.Integer(_checked(data, int))


def _rational(data, blobs) -> sympy.Rational:
    p, q = _ints(data, 2)
    return sympy.Rational(p, q)


def _sympy_float(data, blobs) -> sympy.Float:
    mpf, prec = _items(data, 2)
    return sympy.Float._new(_mpf_tuple(mpf), _checked(prec, int), zero=False)


def _symbol(data, blobs) -> sympy.Symbol:
    name, assumptions = _items(data, 2)
    return sympy.Symbol(_checked(name, str), **_assumptions(assumptions))


def _function(data, blobs) -> sympy.Basic:
    name, assumptions, args = _items(data, 3)
    function = sympy.Function(_checked(name, str), **_assumptions(assumptions))
    return function(*_sympy_args(args, blobs))


def _node(data, blobs) -> sympy.Basic:
    name, args = _items(data, 2)
    cls = _sympy_class(_checked(name, str))
    if cls is None:
        raise CodecError(f"not an allowed sympy class: {name}")
    return _rebuilt(cls, _sympy_args(args, blobs))


def _rebuilt(cls: type, args: list[sympy.Basic]) -> sympy.Basic:
    """cls(*args) holding exactly `args`: built with evaluation off, or, for
    the few constructors that rewrite their arguments unless they evaluate
    (Integral multiplies its integrand by its orientation), with it on."""
    for evaluating in (False, True):
        with evaluate(evaluating):
            node = cls(*args)
        if type(node) is cls and node.args == tuple(args):
            return node
    raise CodecError(f"{_name(cls)} does not rebuild from its own arguments")


def _dataclass(data, blobs):
    name, fields = _items(data, 2)
    cls = _dataclass_class(_checked(name, str))
    if cls is None:
        raise CodecError(f"not an allowed dataclass: {name}")
    declared = {f.name for f in dataclasses.fields(cls)}
    if set(_checked(fields, dict)) != declared:
        raise CodecError(f"{name} declares the fields {sorted(declared)}, not {sorted(fields)}")
    value = object.__new__(cls)
    for field_name, field_tree in fields.items():
        object.__setattr__(value, field_name, _decode(field_tree, blobs))
    return value


_DECODERS = {"float": _float, "bytes": _bytes, "tuple": _tuple, "dict": _dict, "path": _path, "mpf": _mpf,
             "singleton": _singleton, "Integer": _integer, "Rational": _rational, "Float": _sympy_float,
             "Symbol": _symbol, "function": _function, "node": _node, "dataclass": _dataclass}


def _sympy_args(args, blobs) -> list[sympy.Basic]:
    rebuilt = [_decode(arg, blobs) for arg in _checked(args, list)]
    if not all(isinstance(arg, sympy.Basic) for arg in rebuilt):
        raise CodecError("a sympy expression with an argument that is not one")
    return rebuilt


def _assumptions(data) -> dict[str, bool]:
    if any(name not in _assume_defined or type(flag) is not bool for name, flag in _checked(data, dict).items()):
        raise CodecError(f"not sympy assumptions: {data}")
    return data


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


_sympy_classes: dict[str, type | None] = {}


def _sympy_class(name: str) -> type | None:
    """The subclass of sympy.Basic defined in sympy or derive with this full
    name, found among the classes already loaded, never imported."""
    if name not in _sympy_classes:
        _sympy_classes.clear()
        _sympy_classes.update(_loaded_sympy_classes())
    return _sympy_classes.get(name)


def _loaded_sympy_classes() -> dict[str, type | None]:
    """Every loaded subclass of sympy.Basic from sympy or derive by full name;
    a name two classes share maps to None, so it is never used."""
    found, pending, seen = {}, [sympy.Basic], set()
    while pending:
        cls = pending.pop()
        for sub in type.__subclasses__(cls):
            if sub not in seen:
                seen.add(sub)
                pending.append(sub)
    for cls in seen:
        if isinstance(cls.__module__, str) and cls.__module__.startswith(_SYMPY_MODULES):
            found[_name(cls)] = None if _name(cls) in found else cls
    return found


def _dataclass_class(name: str) -> type | None:
    """The dataclass defined at the top of a loaded derive or gradbook module
    with this full name; nothing is imported to find it."""
    module_name, _, class_name = name.rpartition(".")
    module = sys.modules.get(module_name) if module_name.startswith(_DATACLASS_MODULES) else None
    cls = vars(module).get(class_name) if module is not None else None
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and _name(cls) == name:
        return cls
    return None


def _checked(data, kind: type):
    if type(data) is not kind:
        raise CodecError(f"expected a {kind.__name__}, found {type(data).__name__}")
    return data


def _items(data, count: int) -> list:
    if len(_checked(data, list)) != count:
        raise CodecError(f"expected {count} items: {str(data)[:80]}")
    return data


def _ints(data, count: int) -> list[int]:
    if len(_checked(data, list)) != count or any(type(item) is not int for item in data):
        raise CodecError(f"expected {count} integers: {str(data)[:80]}")
    return data
