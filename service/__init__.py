"""The service layer: CLI, storage, linking, calendar feeds, HTTP API and web UI."""
