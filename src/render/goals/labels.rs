//! Where a goal chart's two free labels go, the target's and the latest
//! value's, so that neither covers the other.

use super::frame::{BOTTOM, LEFT, RIGHT, TOP};

/// A label's average character width at the chart's 14-unit text, on
/// the wide side (the target label is semibold).
const CHAR_WIDTH: f64 = 9.0;

/// A label's box in viewBox units: left, top, right, bottom.
fn text_box(x: f64, baseline: f64, anchor: &str, text: &str) -> [f64; 4] {
    let width = text.chars().count() as f64 * CHAR_WIDTH;
    let left = match anchor {
        "end" => x - width,
        "middle" => x - width / 2.0,
        _ => x,
    };
    [left, baseline - 11.0, left + width, baseline + 3.0]
}

fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Where the target label (at the plot's left, by the target line at
/// `target.0`) and the latest value's label (by its point) go: each on
/// its preferred side of its mark (above, unless too near the top), else
/// on the other, so that the two do not cover each other.
pub fn place_labels(
    target: Option<(f64, &str)>,
    latest: Option<(f64, f64, &str)>,
) -> (Option<f64>, Option<(f64, &'static str)>) {
    let sides = |y: f64, above: f64, below: f64, room: f64| {
        let (up, down) = (y - above, y + below);
        let down = (down <= BOTTOM - 2.0).then_some(down);
        if y - TOP < room {
            [down.or(Some(up)), Some(up)]
        } else {
            [Some(up), down]
        }
    };
    let targets = target.map_or([None, None], |(y, _)| sides(y, 5.0, 14.0, 14.0));
    let values = latest.map_or([None, None], |(_, y, _)| sides(y, 10.0, 20.0, 16.0));
    let anchor = latest.map_or(
        "middle",
        |(x, _, _)| if x > RIGHT - 20.0 { "end" } else { "middle" },
    );
    let boxes_apart = |t: Option<f64>, v: Option<f64>| match (target, t, latest, v) {
        (Some((_, ttext)), Some(ty), Some((x, _, vtext)), Some(vy)) => !overlap(
            text_box(LEFT + 6.0, ty, "start", ttext),
            text_box(x, vy, anchor, vtext),
        ),
        _ => true,
    };
    for t in targets.into_iter().flatten() {
        for v in values.into_iter().flatten() {
            if boxes_apart(Some(t), Some(v)) {
                return (target.map(|_| t), latest.map(|_| (v, anchor)));
            }
        }
    }
    (targets[0], values[0].map(|v| (v, anchor)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latest_value_on_the_target_label_moves_to_the_other_side() {
        // The target line at y 60, its label above it from x 50; the
        // latest point just above the line, under the label's end.
        let (t, v) = place_labels(
            Some((60.0, "target 70% by Feb 2027")),
            Some((120.0, 52.0, "77%")),
        );
        let (t, (v, anchor)) = (t.expect("target"), v.expect("value"));
        let a = text_box(LEFT + 6.0, t, "start", "target 70% by Feb 2027");
        let b = text_box(120.0, v, anchor, "77%");
        assert!(!overlap(a, b), "{a:?} {b:?}");
    }

    #[test]
    fn apart_labels_stay_above_their_marks() {
        let (t, v) = place_labels(Some((100.0, "target 5")), Some((300.0, 40.0, "3")));
        assert_eq!((t, v), (Some(95.0), Some((30.0, "middle"))));
    }
}
