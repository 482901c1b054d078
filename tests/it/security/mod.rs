//! What a content author, a web page or another tool must not be able to do: one module per attack class, each asserting what an attacker would see.

mod paths;
mod markup;
mod limits;
mod serve;
mod injection;
mod publication;
