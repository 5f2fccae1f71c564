"""Custom domains: DNS proof of ownership, ACME certificates, encrypted certificate store.

``manager.DomainManager`` is the one entry point (it implements ``core.domains.DomainPort``);
``dns`` asks a resolver, ``acme`` talks to the certificate authority, ``certstore`` keeps
keys and certificates encrypted in Redis where the edge (``lua/cert.lua``) reads them.
"""
