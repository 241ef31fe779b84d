"""`briefing serve`: the first build, the server on 127.0.0.1 (`server`), the input folders
watched (`watcher`), the rebuild loop (`session`), and the script that tells open tabs to
reload (`live.js`)."""
