"""The two severities of a diagnostic (a module of its own so that the table of codes and the
Diagnostic it checks can both use them without importing each other)."""

ERROR = "error"
WARNING = "warning"
