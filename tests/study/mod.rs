//! A simulation study of `roi pilot`'s decisions: salons whose truth is
//! known ([`truth`]), and the per-record exports they write.
#![allow(dead_code)] // the test and the example each use a subset

pub mod truth;
