"""One module per CLI command: each turns parsed arguments into output text."""
