"""The search stage: the written pages -> a Pagefind bundle, through Pagefind's service
(`pagefind_client`), in shards on large sites (`shards`), verified and written whole (`index`)."""
