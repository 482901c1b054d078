# Surveys: the before/after tables of a `kind: surveys` page, and the
# survey column of the dashboard's cohort table. $n in the rule is
# privacy.min_group_size (2 or more).

surveys-rule = Figures are shown only for groups of at least { $n } respondents, and a group's figure is left out where, with everyone's, it would give away a smaller group's. No single answer or comment is published.
surveys-too-few = fewer than { $n } answers
surveys-withheld = not shown: another group has fewer than { $n } answers
surveys-no-answers = no answers
surveys-not-yet = not asked yet
surveys-answers = n = { $n }
surveys-group-all = All respondents
surveys-group-mentors = Mentors
surveys-group-mentees = Mentees
surveys-group-cohort = Cohort: { $name }
surveys-caption = { $survey }: { $group }
surveys-measure-mean = mean ({ $scale })
surveys-measure-agree = share agreeing
surveys-measure-nps = Net Promoter Score
# A change in percentage points: "+27 pts".
surveys-points = { $value } pts
surveys-col-question = Question
surveys-col-change = Change
surveys-respondents = Respondents
# Before a goal's title: "mean (1-5) · feeds Leaders' digital confidence".
surveys-feeds = feeds
surveys-nps-column = Survey NPS
