# The goals: statuses, the chart over time (labels, legend, text
# alternative), its data table, and the cohorts side by side.

goals-status-reached = reached
goals-status-on-track = on track
goals-status-behind = behind
goals-status-no-data = no data
goals-status-too-early = too early

# A month under a chart's axis, by number.
goals-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
goals-chart-baseline = baseline { $value }
goals-chart-target = target { $value }
# $month is a month and year: "Feb 2027".
goals-chart-target-by = target { $value } by { $month }
goals-summary-baseline = baseline { $value } on { $date }
goals-summary-target = target { $value }
goals-summary-target-by = target { $value } by { $date }
goals-summary-result = { $value } on { $date }
goals-summary-results = results: { $results }
goals-summary-no-results = no results yet
goals-summary-expected = expected by { $date }: { $value }
goals-summary-status = status: { $status }
goals-bar-label = { $title }: { $percent } of the way from baseline to target

goals-key-results = results
goals-key-baseline = baseline
goals-key-baseline-on = baseline ({ $date })
goals-key-target = target
goals-key-expected = expected path to { $date }
goals-computed = Computed from the session log at each month end ({ $source }).
goals-results-caption = Results
goals-results-caption-unit = Results ({ $unit })
goals-col-date = Date
goals-col-value = Value
goals-col-expected = Expected
goals-row-baseline = baseline
goals-row-target = target
goals-no-results = No results yet ({ $status }).
goals-target-by = by { $date }

goals-cohorts-heading = Cohorts side by side
goals-cohorts-caption = Cohorts: pairs started and ended, and how much they met, as of { $date }
goals-cohorts-col-cohort = Cohort
goals-cohorts-col-started = Started
goals-cohorts-col-completed = Completed
goals-cohorts-col-withdrawn = Withdrawn
goals-cohorts-col-early-ending = Early-ending rate
goals-cohorts-col-sessions = Sessions per pair
goals-cohorts-col-three = With 3+ sessions
goals-cohorts-not-started = ({ $n } not started)
