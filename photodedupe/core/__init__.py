"""The pure core (no Qt): four stages, each a package importing only those before it.

``find`` (files, decoding, hashes, the cache, close pairs, groups), ``keep`` (which photo stays),
``files`` (moving files, journaled, with Undo) and ``cull`` (a shoot's series, ranked), over the
shared vocabulary in this package's own modules (``model``, ``details``, ``progress``...); the
sessions over every stage (``review``, ``cull_review``, ``report``, ``search``) sit here too.
See docs/architecture.md.
"""
