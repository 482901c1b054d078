//! A goal chart's frame, shared by the chart and its label placement.

/// The `viewBox`, and the plot area inside it, in SVG units (the
/// stylesheet sets text in the same units).
pub const WIDTH: f64 = 360.0;
pub const HEIGHT: f64 = 200.0;
pub const LEFT: f64 = 44.0;
pub const RIGHT: f64 = 344.0;
pub const TOP: f64 = 16.0;
pub const BOTTOM: f64 = 150.0;
