-- Media statistics of anchored calls (issue 6), from rtpengine at the end of the call; NULL when not known.
ALTER TABLE call_record ADD COLUMN media_packets BIGINT;
ALTER TABLE call_record ADD COLUMN media_lost_pct DOUBLE PRECISION;
ALTER TABLE call_record ADD COLUMN media_jitter_ms DOUBLE PRECISION;
ALTER TABLE call_record ADD COLUMN media_mos DOUBLE PRECISION;
