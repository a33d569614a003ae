//! The numbers the model runs on: exact decimals for every command that
//! prints money, floats for the simulation's million draws.

use super::Limit;
use super::exact;
use rust_decimal::Decimal;
use std::fmt::Debug;

/// The arithmetic the model needs; each operation returns `None` where the
/// result cannot be represented (overflow, division by zero).
pub trait Number: Copy + PartialOrd + Debug {
    /// The additive identity.
    const ZERO: Self;
    /// The multiplicative identity.
    const ONE: Self;
    /// Whether sums and products are exact (or refused): only then may a
    /// pass over the months reason about months it does not compute.
    const EXACT: bool = false;
    /// A month count as a number.
    fn from_u32(n: u32) -> Self;
    /// `self + rhs`.
    fn add(self, rhs: Self) -> Option<Self>;
    /// `self - rhs`.
    fn sub(self, rhs: Self) -> Option<Self>;
    /// `self * rhs`.
    fn mul(self, rhs: Self) -> Option<Self>;
    /// `self / rhs`; `None` for a zero divisor.
    fn div(self, rhs: Self) -> Option<Self>;
    /// `self + rhs` without losing a digit, for sums of the user's figures.
    /// Types that make no promise of exactness (`f64`) just add.
    fn add_exact(self, rhs: Self) -> Result<Self, Limit> {
        self.add(rhs).ok_or(Limit::Magnitude)
    }
    /// `self - rhs` without losing a digit.
    fn sub_exact(self, rhs: Self) -> Result<Self, Limit> {
        self.sub(rhs).ok_or(Limit::Magnitude)
    }
    /// `self * rhs` without losing a digit.
    fn mul_exact(self, rhs: Self) -> Result<Self, Limit> {
        self.mul(rhs).ok_or(Limit::Magnitude)
    }
    /// Whether a ratio (ROI, payback months) can be shown to its 8 places.
    fn shows_as_ratio(self) -> bool {
        true
    }
}

impl Number for Decimal {
    const ZERO: Self = Decimal::ZERO;
    const ONE: Self = Decimal::ONE;
    const EXACT: bool = true;
    fn from_u32(n: u32) -> Self {
        Decimal::from(n)
    }
    fn add(self, rhs: Self) -> Option<Self> {
        self.checked_add(rhs)
    }
    fn sub(self, rhs: Self) -> Option<Self> {
        self.checked_sub(rhs)
    }
    fn mul(self, rhs: Self) -> Option<Self> {
        self.checked_mul(rhs)
    }
    fn div(self, rhs: Self) -> Option<Self> {
        self.checked_div(rhs)
    }
    #[inline(always)]
    fn add_exact(self, rhs: Self) -> Result<Self, Limit> {
        exact::add(self, rhs)
    }
    #[inline(always)]
    fn sub_exact(self, rhs: Self) -> Result<Self, Limit> {
        exact::add(self, -rhs)
    }
    #[inline(always)]
    fn mul_exact(self, rhs: Self) -> Result<Self, Limit> {
        exact::mul(self, rhs)
    }
    fn shows_as_ratio(self) -> bool {
        exact::shows_as_ratio(self)
    }
}

impl Number for f64 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;
    fn from_u32(n: u32) -> Self {
        f64::from(n)
    }
    fn add(self, rhs: Self) -> Option<Self> {
        Some(self + rhs).filter(|r| r.is_finite())
    }
    fn sub(self, rhs: Self) -> Option<Self> {
        Some(self - rhs).filter(|r| r.is_finite())
    }
    fn mul(self, rhs: Self) -> Option<Self> {
        Some(self * rhs).filter(|r| r.is_finite())
    }
    fn div(self, rhs: Self) -> Option<Self> {
        (rhs != 0.0).then(|| self / rhs).filter(|r| r.is_finite())
    }
}
