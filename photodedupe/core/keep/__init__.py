"""Keeping: which photo of a group stays, by the rules, and why it won.

Imports nothing of ``files`` or ``cull``.
"""
