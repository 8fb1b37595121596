"""Experiments on real data, run by the book's own network code
(derive.network) and cached on disk; chapter 7 reads their results."""
