//! `roi measure`'s input side: a business's own CRM and booking exports, read as
//! the systems write them, turned into a measured monthly funnel.
//!
//! The data flows one way, one module each: bytes → a [`table`] of cells
//! (sniffing the kind and the encoding, then a CSV, spreadsheet or HTML reader)
//! → a profile or mapping (which column is which, which status is which
//! outcome, which records are the assistant's) → records → a monthly funnel.
//! Nothing here computes statistics or prints.

pub mod read;
pub mod table;
