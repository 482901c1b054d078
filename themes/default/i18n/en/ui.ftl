# The default theme's words, in English: the catalogue every other
# locale translates and falls back to. Ids are kebab-case, prefixed `ui-`.
# A site overrides single messages in i18n/<locale>.ftl (README: Languages).
# Counts are `$n`; dates and numbers arrive already in the locale's format.

## Page frame (base.html)
ui-skip-to-content = Skip to content
ui-table = Table
ui-menu = Menu
ui-nav-sections = Sections
ui-breadcrumb = Breadcrumb
ui-draft = Draft.
ui-draft-notice = { $kind ->
    [roster] Built only with --drafts, never published; its pairs are proposals, counted in no figure, dashboard or export.
    [pair] Built only with --drafts, never published; this pair is a proposal, counted in no figure, dashboard or export.
   *[other] Built only with --drafts, never published.
}
ui-on-this-page = On this page
ui-last-updated = Last updated
ui-edit-page = Edit this page
ui-prev-next = Previous and next
ui-previous = Previous
ui-next = Next
ui-footer-as-of = Progress as of
ui-built-with = Built with mentorbook

## Navigation and page titles
ui-home = Home
ui-progress = Progress
ui-progress-description = Pairs, cohorts, launch steps and goals as of { $date }.
ui-people = People
ui-not-found-title = Page not found
ui-not-found-text = There is no page at this address. It may have moved when the playbook was reorganised.
ui-not-found-home = Go to the home page
ui-not-found-search = or search above.
ui-in-this-section = In this section
ui-see-progress = See every pair's progress
ui-see-program-progress = See the progress of this program's pairs
ui-print-playbook = Print the whole playbook
ui-moved = This page has moved:

## Counts and figures
ui-pairs-count = { $n ->
    [one] { $n } pair
   *[other] { $n } pairs
}
ui-minutes-count = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
ui-minutes-short = { $n } min
ui-percent = { $n }%
ui-x-of-y = { $done } of { $total }
ui-sessions-held-of = { $held } of { $total } sessions held
ui-figure-pairs = Pairs
ui-figure-meeting-now = { $n } meeting now
ui-figure-sessions-held = Sessions held
ui-figure-as-of = as of { $date }
ui-figure-on-track = On track
ui-figure-on-track-note = { $n } of { $total } meeting pairs
ui-figure-steps-done = Launch steps done
ui-figure-goals-reached = Goals reached

## Statuses (a status's slug names its message)
ui-pair-status-not-started = not started
ui-pair-status-on-track = on track
ui-pair-status-at-risk = at risk
ui-pair-status-stalled = stalled
ui-pair-status-ended = ended
ui-pair-status-paused = paused
ui-pair-status-completed = completed
ui-pair-status-withdrawn = withdrawn
ui-session-status-held = held
ui-session-status-planned = planned
ui-session-status-cancelled = cancelled
ui-session-status-missed = missed
ui-step-status-todo = to do
ui-step-status-doing = doing
ui-step-status-done = done
## Cadence: `$kind` is weekly, biweekly, monthly or days (then `$n` days)
ui-cadence = { $kind ->
    [weekly] weekly
    [biweekly] every two weeks
    [monthly] monthly
   *[days] { $n ->
        [one] every day
       *[other] every { $n } days
    }
}
ui-meets = meets { $cadence }
ui-from-date = from { $date }
ui-to-date = to { $date }
ui-date-range = { $start } to { $end }
ui-open-end = open end

## Tables
ui-col-pair = Pair
ui-col-cohort = Cohort
ui-col-status = Status
ui-col-held = Held
ui-col-expected = Expected by now
ui-col-last-met = Last met
ui-col-next = Next
ui-col-goal = Goal
ui-col-baseline = Baseline
ui-col-target = Target
ui-col-latest = Latest
ui-col-progress = Progress
ui-col-step = Step
ui-col-title = Title
ui-col-owner = Owner
ui-col-due = Due
ui-col-checklist = Checklist
ui-col-minutes = Minutes
ui-col-item = Item
ui-col-name = Name
ui-col-role = Role
ui-col-team = Team
ui-col-reports-to = Reports to
ui-col-pairs = Pairs
ui-col-email = Email
ui-col-as = As
ui-col-with = With
ui-col-next-session = Next session
ui-col-guide = Guide
ui-col-done = Done
ui-col-doing = Doing
ui-col-todo = To do
ui-col-overdue = Overdue
ui-pair-title = { $mentor } and { $mentee }
ui-in-plan = of { $n } in plan
ui-due-by = due by
ui-overdue = overdue
ui-pairs-in = Pairs in { $cohort }

## Goals
ui-goals = Goals
ui-goals-caption = Goals: baseline, target and latest result
ui-results = Results
ui-results-of = Results: { $goal }
## Guides and steps
ui-steps = Steps
ui-launch-checklist = Launch checklist
ui-step-in-guide = of
ui-checklist-done = { $done } of { $total } done
ui-steps-done = { $total ->
    [one] { $done } of { $total } step done
   *[other] { $done } of { $total } steps done
}
ui-overdue-count = { $n } overdue
ui-checklist-progress = checklist { $done } of { $total }
ui-steps-done-label = Steps done
ui-guide-steps-done = { $guide }: steps done

## Sessions
ui-duration = Duration
ui-week = Week
ui-session = Session
ui-used-by = Used by
ui-agenda = Agenda
ui-agenda-of = Agenda: { $title }
ui-minutes-in-all = { $n ->
    [one] minute in all
   *[other] minutes in all
}
ui-prepare = Prepare
ui-prompts = Prompts

## Pair pages
ui-next-meeting = Next meeting
ui-nothing-planned-overdue = Nothing is planned yet: a session has been due since
ui-nothing-planned-due = Nothing is planned yet: a session is due by
ui-time-zone = ({ $zone } time)
ui-join-call = Join the video call
ui-next-in-series = Next in the series
ui-add-to-calendar = Add to calendar
ui-calendar-pair-all = (every session of this pair, as an .ics file)
ui-calendar-pair = (an .ics file of the planned and held sessions)
ui-calendar-person = (an .ics file of the sessions of all { $name }'s pairs)
ui-mentor = Mentor
ui-mentee = Mentee
ui-side-mentor = mentor
ui-side-mentee = mentee
ui-pair-ended = This pairing ended on { $date }, and nobody has closed it yet: set its status to completed or withdrawn.
ui-edit = edit
ui-expected-now = { $n } expected by now
ui-bar-of-plan = { $held } of the { $total } sessions in the plan held
ui-bar-of-expected = { $held } of the { $total } sessions expected by now held
ui-expected-note = (the first on the start date, then { $cadence })
ui-in-the-plan = In the plan
ui-start-to-end = (start to end)
ui-planned = Planned
ui-confidential = This pair is confidential: its topics, goals and notes are not published.
ui-topics = Topics
ui-done = done
ui-not-done = not done
ui-sessions = Sessions
ui-was-it-held = its date has passed: was it held?
ui-after-end = after the pairing's end
ui-video-call = video call
ui-no-sessions = No sessions logged yet.
ui-notes = Notes

## People
ui-people-caption = People in the program
ui-reports-to = Reports to
ui-reports = Reports
ui-email = Email
ui-pairs = Pairs
ui-persons-pairs = { $name }'s pairs
ui-persons-pairs-as-of = { $name }'s pairs, as of { $date }
ui-draft-mark = (draft)
ui-not-in-pair = Not in a pair yet.

## Print page
ui-as-of = as of
ui-print-hint = The whole playbook on one page: print it, or save it as a PDF, with your browser's Print command. Pairs and their progress are not in it: they are on the dashboard.
ui-dashboard = Open the dashboard
ui-contents = Contents
ui-print-left-out = { $n ->
    [one] The playbook is too long to print as one: { $n } more page can be printed from its own page.
   *[other] The playbook is too long to print as one: { $n } more pages can be printed from their own pages.
}

## Progress dashboard
ui-download = Download:
ui-download-every-program = Download every program's pairs (with a program column):
ui-needs-update = Needs an update
ui-needs-update-text = The as-of date has overtaken these pairs' files: a session still planned after its date (was it held? set its status to held, cancelled or missed), or a pair past its end date (set its status to completed or withdrawn).
ui-ended-unmarked = ended { $date }, not yet marked completed or withdrawn
ui-still-planned-on = still planned on
ui-launch-steps = Launch steps
ui-launch-guides = Launch guides

## Callouts (> [!NOTE] ...)
ui-callout-note = Note
ui-callout-tip = Tip
ui-callout-important = Important
ui-callout-warning = Warning
ui-callout-caution = Caution

## Calendar files (.ics)
ui-ics-calendar = Mentoring: { $name }
ui-ics-session = Mentoring: { $title } ({ $who })
ui-ics-session-untitled = Mentoring session ({ $who })
ui-ics-guide = Session guide: { $url }
ui-ics-pair-page = Pair page: { $url }

## Preview server (serve)
ui-overlay-title = The last change did not build
ui-overlay-text = You are seeing the last good version. Fix the problems below and save; this page reloads by itself.
ui-overlay-close = Dismiss
ui-heading-link = Link to this section: { $title }

## Several programs in one site
ui-programs = Programs
ui-programs-caption = Each program's pairs as of { $date }
ui-col-program = Program
ui-col-attention = Need attention
ui-col-dashboard = Dashboard
ui-program-progress = { $program }: progress

## Light pages: attention pages, pagers, people by initial
ui-attention = Pairs needing attention
ui-attention-text = Stalled, then at risk, then ended (to close), then those whose log needs an update, each by how long ago they last met. Every pair is on its cohort's page.
ui-attention-none = No pair needs attention.
ui-attention-more = The { $shown } most urgent of { $total } are shown: see all { $total } pairs needing attention
ui-attention-page = Pairs needing attention, page { $page } of { $pages }
ui-back-to-progress = Back to the dashboard
ui-pages = Pages
ui-page-of = Page { $page } of { $pages }
ui-page-prev = Previous page
ui-page-next = Next page
ui-calendar-cohort = calendar of this cohort's sessions (.ics)
ui-people-initials = People by initial
ui-people-initial = People: { $initial }
ui-people-initial-page = People: { $initial }, page { $page } of { $pages }
ui-people-other = Other
ui-people-total = { $n ->
    [one] { $n } person
   *[other] { $n } people
}
ui-page-of-title = { $title }, page { $page } of { $pages }
