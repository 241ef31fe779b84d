"""Writing output so that nothing half-written is ever served: whole folders are
built beside their target and swapped in; single files are replaced atomically.

Nothing is lost either: one build per output at a time (a lock file beside it),
an output is replaced only if an earlier build made it (a marker file inside it),
and a temporary folder is removed only when the process that made it is gone.

`files` (the guard `inside`, atomic writes), `folder_swap` (publish, replace_folder),
`journal` (a served folder changed in place, undoably),
`lock` (build_lock), `static` (the theme's static files), `faults` (OutputError). The
names the build uses are here: `output.inside`, `output.publish`..."""

from generator.output.faults import OutputError, describe_fault
from generator.output.files import (
    OutputTree,
    OutsideOutput,
    inside,
    remove_page,
    write_atomic,
    write_file,
)
from generator.output.folder_swap import clean_stale, publish, replace_folder
from generator.output.lock import build_lock
from generator.output.static import copy_static, static_files, sync_static

__all__ = [
    "OutputError",
    "OutputTree",
    "OutsideOutput",
    "build_lock",
    "clean_stale",
    "copy_static",
    "describe_fault",
    "inside",
    "publish",
    "remove_page",
    "replace_folder",
    "static_files",
    "sync_static",
    "write_atomic",
    "write_file",
]
