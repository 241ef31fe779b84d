"""Briefing: a static-site generator for news briefings."""
