//! Session logs, their statuses and what progress counts.
