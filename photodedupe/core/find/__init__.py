"""Finding: the photo files, their decoding and hashes, the cache, the close pairs and the groups.

Imports nothing of ``keep``, ``files`` or ``cull`` (``.importlinter``).
"""
