"""The command-line edge: `jobbnav …` (Typer + Rich)."""
