"""What the build-cache tests compare: a value and what the cache gave back
are the same when they are of the same types all the way down, with sympy
expressions srepr-identical (the same tree, node for node, assumptions
included) and floats and mpfs bit for bit."""

import dataclasses

import mpmath
import sympy


def same(made, read) -> bool:
    if type(made) != type(read):  # != rather than `is not`: Function("F") makes a new, equal class each time
        return False
    if isinstance(made, sympy.Basic):  # the tree exactly; == would compare a Subs by re-substituting
        return sympy.srepr(made) == sympy.srepr(read)  # its body, which rebuilds unevaluated nodes
    if type(made) is float:
        return repr(made) == repr(read)
    if type(made) is mpmath.mpf:
        return made._mpf_ == read._mpf_
    if type(made) in (list, tuple):
        return len(made) == len(read) and all(map(same, made, read))
    if type(made) is dict:
        return same(list(made), list(read)) and same(list(made.values()), list(read.values()))
    if dataclasses.is_dataclass(made):
        return all(same(getattr(made, f.name), getattr(read, f.name)) for f in dataclasses.fields(made))
    return made == read
