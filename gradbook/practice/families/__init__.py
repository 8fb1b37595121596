"""Every problem family, by name. A family module defines FAMILIES, a tuple."""

from gradbook.practice.families import anchor, depth, fixes, jacobian, relu, sigmoid, tanh

FAMILIES = {f.name: f for module in (sigmoid, tanh, depth, jacobian, anchor, relu, fixes) for f in module.FAMILIES}
