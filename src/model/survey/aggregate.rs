//! The figures a survey question is reported by, as HR reports show them:
//! the mean answer, the share agreeing (the top two answers of the scale,
//! "top-2-box") and the Net Promoter Score. Pure functions of the answers.

use super::Scale;

/// How a question's answers are summed up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    /// The mean answer, on the question's scale.
    Mean,
    /// Per cent answering one of the scale's top two values.
    Agree,
    /// Per cent answering 9 or 10 minus per cent answering 0 to 6, on a
    /// 0-10 scale: from -100 to 100.
    Nps,
}

impl Aggregate {
    pub const WORDS: &'static [(&'static str, Aggregate)] = &[
        ("mean", Aggregate::Mean),
        ("agree", Aggregate::Agree),
        ("nps", Aggregate::Nps),
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Aggregate::Mean => "mean",
            Aggregate::Agree => "agree",
            Aggregate::Nps => "nps",
        }
    }

    /// `value` as reports show it and goals take it: a mean to one
    /// decimal, shares and NPS in whole points.
    pub fn rounded(self, value: f64) -> f64 {
        match self {
            Aggregate::Mean => (value * 10.0).round() / 10.0,
            Aggregate::Agree | Aggregate::Nps => value.round(),
        }
    }

    /// The figure of `values` (answers on `scale`); `None` without any.
    pub fn of(self, values: &[u8], scale: Scale) -> Option<f64> {
        match self {
            Aggregate::Mean => mean(values),
            Aggregate::Agree => share_agreeing(values, scale),
            Aggregate::Nps => nps(values),
        }
    }
}

pub fn mean(values: &[u8]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let sum: f64 = values.iter().map(|v| f64::from(*v)).sum();
    Some(sum / values.len() as f64)
}

/// Per cent of `values` in the top two answers of `scale` (4 and 5 of 1-5).
pub fn share_agreeing(values: &[u8], scale: Scale) -> Option<f64> {
    let top = scale.high.saturating_sub(1).max(scale.low);
    percent(values.iter().filter(|v| **v >= top).count(), values.len())
}

/// Net Promoter Score of 0-10 answers: promoters (9, 10) minus detractors
/// (0 to 6), in per cent of all answers.
pub fn nps(values: &[u8]) -> Option<f64> {
    let promoters = values.iter().filter(|v| **v >= 9).count();
    let detractors = values.iter().filter(|v| **v <= 6).count();
    Some(percent(promoters, values.len())? - percent(detractors, values.len())?)
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn means_shares_and_nps_match_hand_counts() {
        // 4+5+3+4+2 = 18 over 5 answers.
        assert_eq!(mean(&[4, 5, 3, 4, 2]), Some(3.6));
        // 4, 5 and 4 of five answers agree: 60%.
        assert_eq!(share_agreeing(&[4, 5, 3, 4, 2], Scale::LIKERT), Some(60.0));
        // On 0-10 the top two are 9 and 10.
        let ten = Scale { low: 0, high: 10 };
        assert_eq!(share_agreeing(&[8, 9, 10, 7], ten), Some(50.0));
        // 3 promoters (9, 10, 10), 2 passives (7, 8), 3 detractors
        // (0, 5, 6) of 8: 37.5% - 37.5% = 0; then 4 of 5 promoters and 1
        // detractor: 80 - 20 = 60.
        assert_eq!(nps(&[9, 10, 10, 7, 8, 0, 5, 6]), Some(0.0));
        assert_eq!(nps(&[9, 9, 10, 10, 3]), Some(60.0));
        assert_eq!(nps(&[0, 6]), Some(-100.0));
        assert_eq!(Aggregate::Nps.of(&[], ten), None);
        assert_eq!(Aggregate::Mean.of(&[], Scale::LIKERT), None);
    }

    #[test]
    fn scales_are_written_low_dash_high() {
        assert_eq!(Scale::parse("1-5"), Some(Scale::LIKERT));
        assert_eq!(Scale::parse(" 0 - 10 "), Some(Scale { low: 0, high: 10 }));
        for bad in ["5-1", "1", "a-b", "1-500", "3-3", "-1-5"] {
            assert_eq!(Scale::parse(bad), None, "{bad}");
        }
    }
}
