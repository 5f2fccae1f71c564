"""Page Magic core: the domain, the Studio engine and the ports its adapters implement."""
