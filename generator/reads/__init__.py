"""What pages read: the link graph of a `Site` (`link_graph`), entity rankings (`ranking`),
and the `Reader` that records every read a page makes (`reader`), so an incremental build
re-renders only the pages whose reads changed."""
