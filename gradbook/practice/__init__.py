"""Practice: problem families, problem sets, and the safe grader."""
