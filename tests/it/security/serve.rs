//! The preview server against other hosts and hostile clients.
