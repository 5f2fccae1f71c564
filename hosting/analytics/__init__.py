"""Site analytics from the edge's counters: Redis day keys (lua/insights.lua) into ``site_days`` rows."""
