"""Adding articles to seeds/: `deepseek-bot add` and `deepseek-bot feeds pull`.

fetch (HTTP) → decode (bytes → text, refusals) → extract (trafilatura: text and stated metadata)
→ seedfile (the seed file's bytes, atomic write) with dedupe (same URL or same text) → add (one
article, end to end) → feeds / feedstate / pull (RSS and Atom) → rebuild (the builder's own
command) → cli; `scheduled` runs pull and build in the clock (FEEDS_EVERY). Nothing here
writes into briefings/ except through `deepseek-bot build`.
"""

DEFAULT_TIMEOUT = 20.0  # seconds for a page or a feed (`--timeout`)
MAX_BYTES = 5_000_000  # a page or file over this is not a news article
