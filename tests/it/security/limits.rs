//! Input that would crash or stall check, build or serve.
