//! What a content author, a web page or another tool must not be able to do: one module per attack class, each asserting what an attacker would see.

mod injection;
mod limits;
mod markup;
mod paths;
mod publication;
mod serve;
