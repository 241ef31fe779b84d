"""Briefing: a static-site generator for news briefings."""

# The name on the package index ("briefing" there is an unrelated project); the command
# stays `briefing` and the import package `generator`.
DISTRIBUTION = "briefing-news"


def __getattr__(name: str) -> str:
    """`__version__`, read from the package metadata when first asked for: importing
    importlib.metadata costs a build with nothing to do a sixth of its time."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0.0.0+unknown"
