//! Ids and links that would write or read outside the site.
