"""The service around the core: storage, the use-case layer, the web app (issue 7)."""
