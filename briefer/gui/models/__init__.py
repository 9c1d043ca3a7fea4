"""Qt item models over core services, each testable without a view."""
