"""What pages read: the link graph of a `Site` (`link_graph`), entity rankings (`ranking`),
the derived collections a page may ask for (`queries`), and the `Reader` that records every
read a page makes (`reader`, through `recording`), so an incremental build re-renders only
the pages whose reads changed."""
