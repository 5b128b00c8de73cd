"""Moving files: to the trash or a folder, journaled, with Undo and the sidecars' merges.

Imports nothing of ``find``, ``keep`` or ``cull``: what it must know of a photo (is it whole?) it is given.
"""
