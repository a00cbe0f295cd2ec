"""GX7: across reports — one organ's reports of several years read together."""
