"""Experiments on real data, run by the book's own network library
(network/, numerical simulation built on derive's activations) and cached on
disk; chapter 7 reads their results."""
