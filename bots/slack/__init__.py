"""The Slack front door: an async Bolt app mounted on the Page Magic server."""
