"""`briefing lsp`: a language server for scene packs (diagnostics as `briefing validate` gives
them, go to definition, completion, hover, rename, and a preview command), on pygls.

Only server.py imports pygls, and `briefing lsp` imports it only when it starts, so no other
command pays for it. The rest works on text and YAML nodes and is tested on its own too.
"""
