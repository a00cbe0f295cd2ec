"""Built-in rules, one per module, grouped by family.  Installed as ``gxlint.rules``.

Never import a rule module directly (``rules.x`` from the repository root loads a second copy);
go through ``gxlint.engine.registry()``.
"""
