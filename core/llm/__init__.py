"""Site generation: the port every generator implements, and its implementations."""
