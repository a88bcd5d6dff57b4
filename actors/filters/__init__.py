"""Per-user question filters (issue #5): stored as documents, validated against the bank, and fed to
training's GetNextQuestion through filters_for()."""
