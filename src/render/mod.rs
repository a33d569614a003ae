//! Renderers: each turns a [`Report`](crate::report::Report) into text and nothing else.

pub mod compare;
pub mod csv;
pub mod json;
pub mod solve;
pub mod sweep;
pub mod table;
