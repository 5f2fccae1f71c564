"""The Swarm hosting backend: one Docker Swarm service per published site."""
